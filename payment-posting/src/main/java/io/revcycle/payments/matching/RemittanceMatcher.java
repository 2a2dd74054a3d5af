package io.revcycle.payments.matching;

import io.revcycle.events.Claim;
import io.revcycle.events.ClaimLine;
import io.revcycle.events.RemittanceClaimPayment;
import io.revcycle.events.RemittanceLine;

import java.util.ArrayList;
import java.util.List;

/**
 * Matches a remittance to our claim: CLP01 is our claim id (the Kafka key does that match), and
 * each service line's REF*6R is the line control number claim-builder sent, {@code <claimId>-<lineNumber>}.
 */
public final class RemittanceMatcher {

    /**
     * How the remittance lines map onto the claim.
     *
     * @param lineNumbers for each remittance line in order, our claim line number, null when unmatched
     * @param unmatched   line control numbers that are not lines of the claim (or absent)
     */
    public record LineMatch(List<Integer> lineNumbers, List<String> unmatched) {
    }

    /** The line control number claim-builder writes for a claim line. */
    public static String lineControlNumber(String claimId, int lineNumber) {
        return claimId + "-" + lineNumber;
    }

    public LineMatch matchLines(RemittanceClaimPayment payment, Claim claim) {
        List<Integer> numbers = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        for (RemittanceLine line : payment.getLines()) {
            Integer found = null;
            String control = line.getLineControlNumber();
            if (control != null) {
                for (ClaimLine ours : claim.getLines()) {
                    if (control.equals(lineControlNumber(claim.getClaimId(), ours.getLineNumber()))) {
                        found = ours.getLineNumber();
                        break;
                    }
                }
            }
            if (found == null) {
                unmatched.add(control == null ? "(no REF*6R on " + line.getProcedure().getValue() + ")" : control);
            }
            numbers.add(found);
        }
        return new LineMatch(numbers, unmatched);
    }
}
