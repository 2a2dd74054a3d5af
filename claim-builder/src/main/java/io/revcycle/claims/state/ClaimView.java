package io.revcycle.claims.state;

import io.micronaut.serde.annotation.Serdeable;
import io.revcycle.events.Claim;
import io.revcycle.events.Finding;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A claim as the HTTP API shows it: state, history, money and reasons. Patient identity stays in
 * Kafka; the view names the patient only by medical record number.
 */
@Serdeable
public record ClaimView(String claimId, String encounterId, int encounterVersion, String claimType, String state,
                        String payerId, String payerName, String patientId, String facilityId,
                        LocalDate serviceDateFrom, LocalDate serviceDateTo, BigDecimal totalCharge,
                        BigDecimal expectedReimbursement, BigDecimal paidAmount, BigDecimal balance,
                        String payerClaimControlNumber, Submission submission, List<Transition> history,
                        List<Reason> findings, Instant updatedAt) {

    /** Where the claim went out. */
    @Serdeable
    public record Submission(String batchId, String interchangeControlNumber, String transactionSetControlNumber,
                             Instant submittedAt) {
    }

    /** One state change. */
    @Serdeable
    public record Transition(String state, Instant at, String reason) {
    }

    /** A scrub finding, rejection or denial reason. */
    @Serdeable
    public record Reason(String rule, String severity, String field, String message, List<String> codes,
                         Integer lineNumber) {
        static Reason of(Finding f) {
            return new Reason(f.getRule(), f.getSeverity().toString(), f.getField(), f.getMessage(),
                    List.copyOf(f.getCodes()), f.getLineNumber());
        }
    }

    public static ClaimView of(Claim c) {
        return new ClaimView(c.getClaimId(), c.getEncounterId(), c.getEncounterVersion(), c.getClaimType().toString(),
                c.getState().toString(), c.getCoverage().getPayerId(), c.getCoverage().getPayerName(), c.getPatientId(),
                c.getFacility().getFacilityId(), c.getServiceDateFrom(), c.getServiceDateTo(), c.getTotalCharge(),
                c.getExpectedReimbursement(), c.getPaidAmount(), c.getBalance(), c.getPayerClaimControlNumber(),
                c.getSubmission() == null ? null : new Submission(c.getSubmission().getBatchId(),
                        c.getSubmission().getInterchangeControlNumber(), c.getSubmission().getTransactionSetControlNumber(),
                        c.getSubmission().getSubmittedAt()),
                c.getHistory().stream().map(h -> new Transition(h.getState().toString(), h.getAt(), h.getReason())).toList(),
                c.getFindings().stream().map(Reason::of).toList(),
                c.getUpdatedAt());
    }
}
