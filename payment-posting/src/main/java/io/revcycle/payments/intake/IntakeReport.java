package io.revcycle.payments.intake;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What intake did with one file: each claim payment and whether it was sent for posting, and every
 * exception raised. Returned by {@code POST /v1/remittances}.
 *
 * @param sourceFile the file or upload name
 * @param accepted   false when the file could not be read at all
 * @param claims     one entry per CLP, in file order
 * @param providerAdjustments number of PLB adjustments sent
 * @param exceptions parse errors and imbalances
 * @param movedTo    where the inbox file was moved, null for uploads
 */
@Serdeable
public record IntakeReport(String sourceFile, boolean accepted, List<ClaimSummary> claims, int providerAdjustments,
                           List<Problem> exceptions, String movedTo) {

    /** True when everything in the file was sent for posting. */
    public boolean complete() {
        return accepted && exceptions.isEmpty();
    }

    /**
     * One CLP as intake saw it.
     *
     * @param claimId         CLP01
     * @param remittanceId    payer id + trace number
     * @param status          CLP02
     * @param charge          CLP03
     * @param paid            CLP04
     * @param sentForPosting  false when its transaction set did not balance
     */
    @Serdeable
    public record ClaimSummary(String claimId, String remittanceId, String status, BigDecimal charge, BigDecimal paid,
                            boolean sentForPosting) {
    }

    /**
     * One exception, as published on the remittance exceptions topic.
     *
     * @param kind            PARSE_ERROR, UNBALANCED_LINE, UNBALANCED_CLAIM, UNBALANCED_TRANSACTION
     * @param segmentPosition 1-based segment position in the file
     * @param segmentId       segment tag
     * @param elementPosition 1-based element position, when known
     * @param claimId         claim concerned, when known
     * @param message         what is wrong
     * @param figures         amounts involved
     */
    @Serdeable
    public record Problem(String kind, Long segmentPosition, String segmentId, Integer elementPosition, String claimId,
                          String message, Map<String, String> figures) {
    }
}
