package io.revcycle.payments.receivables;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A claim's standing for receivables. No patient identifiers.
 *
 * @param claimId               our claim id
 * @param payerId               payer of the claim's coverage
 * @param state                 latest claim state (ours after a posting, else claim-builder's)
 * @param totalCharge           what was billed
 * @param paid                  paid by the payer on the standing posting
 * @param patientResponsibility moved to the patient on the standing posting
 * @param outstanding           what is still open with the payer: the balance after the last posting,
 *                              or for a denied claim the amount under follow-up
 * @param agedFrom              submission date, else first date of service
 * @param lastPostingId         the latest posting, null when none
 */
@Serdeable
public record ClaimBalance(String claimId, String payerId, String state, BigDecimal totalCharge, BigDecimal paid,
                           BigDecimal patientResponsibility, BigDecimal outstanding, LocalDate agedFrom,
                           String lastPostingId) {
}
