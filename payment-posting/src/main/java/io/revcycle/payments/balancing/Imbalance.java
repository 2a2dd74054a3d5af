package io.revcycle.payments.balancing;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Figures of a remittance that do not add up.
 *
 * @param level           what does not balance
 * @param claimId         CLP01 of the claim concerned, null for the transaction level
 * @param segmentPosition position of the SVC, CLP or BPR segment in the file
 * @param segmentId       SVC, CLP or BPR
 * @param figures         the amounts compared, by name, and their difference
 */
public record Imbalance(Level level, String claimId, int segmentPosition, String segmentId,
                        Map<String, BigDecimal> figures) {

    /** Where the balancing rule failed. */
    public enum Level {
        /** SVC02 differs from SVC03 + line CAS. */
        LINE,
        /** CLP03 differs from CLP04 + claim and line CAS. */
        CLAIM,
        /** BPR02 differs from the sum of CLP04 minus the PLB amounts. */
        TRANSACTION
    }

    /** Plain words for the exception queue. */
    public String describe() {
        return switch (level) {
            case LINE -> "service line of claim " + claimId + " does not balance: charge " + figures.get("charge")
                    + " != paid " + figures.get("paid") + " + adjustments " + figures.get("adjustments");
            case CLAIM -> "claim " + claimId + " does not balance: charge " + figures.get("charge")
                    + " != paid " + figures.get("paid") + " + adjustments " + figures.get("adjustments");
            case TRANSACTION -> "transaction does not balance: BPR total " + figures.get("bprTotal")
                    + " != claim payments " + figures.get("claimPayments") + " - provider adjustments "
                    + figures.get("providerAdjustments");
        };
    }
}
