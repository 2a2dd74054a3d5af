package io.revcycle.payments.posting;

import io.revcycle.events.Denial;
import io.revcycle.events.PaymentPosted;
import io.revcycle.events.ProcessingException;

import java.util.List;

/**
 * What posting one remittance produced.
 *
 * @param posting    the payment, reversal or correction posted; null when nothing was posted
 * @param denial     the denial raised, when the claim or some of its lines were denied
 * @param exceptions why nothing was posted (unknown claim, duplicate, reversal without posting),
 *                   or warnings beside a posting (unmatched lines)
 * @param ledger     the claim's ledger after this remittance
 */
public record PostingOutcome(PaymentPosted posting, Denial denial, List<ProcessingException> exceptions,
                             ClaimLedger ledger) {
}
