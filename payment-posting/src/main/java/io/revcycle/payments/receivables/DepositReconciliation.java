package io.revcycle.payments.receivables;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One ERA payment against what was posted from it: the bank deposit (BPR02) should equal the claim
 * payments posted less the provider-level adjustments.
 *
 * @param remittanceId        payer id + trace number
 * @param traceNumber         TRN02, as on the bank statement
 * @param payerId             payer
 * @param paymentDate         BPR16
 * @param depositAmount       BPR02
 * @param postedPaid          claim payments posted
 * @param providerAdjustments sum of PLB amounts (positive reduces the deposit)
 * @param difference          deposit - (posted - provider adjustments); non-zero while claims wait in the exception queue
 * @param postings            postings counted
 * @param reconciled          true when the difference is zero
 */
@Serdeable
public record DepositReconciliation(String remittanceId, String traceNumber, String payerId, LocalDate paymentDate,
                                    BigDecimal depositAmount, BigDecimal postedPaid, BigDecimal providerAdjustments,
                                    BigDecimal difference, int postings, boolean reconciled) {
}
