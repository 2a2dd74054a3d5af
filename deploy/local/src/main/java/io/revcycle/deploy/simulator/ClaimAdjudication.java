package io.revcycle.deploy.simulator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The payer's decision on one claim, as the 835 reports it (one CLP loop).
 *
 * @param statusCode       CLP02: 1 processed as primary, 4 denied, 22 reversal of a previous payment
 * @param claimAdjustments claim-level CAS (reversals carry their adjustments here, negated)
 * @param lines            service lines (none on a reversal)
 * @param denial           why the claim or one of its lines was denied, or null
 * @param deductibleKey    the accumulator it drew on
 * @param deductible       deductible applied (negative on a reversal)
 */
record ClaimAdjudication(SubmittedClaim claim, String profileName, String payerClaimControlNumber, String statusCode,
                         List<CasAdjustment> claimAdjustments, List<LineAdjudication> lines, DenialReason denial,
                         String deductibleKey, BigDecimal deductible, BigDecimal charge, BigDecimal paid,
                         BigDecimal patientResponsibility) {

    ClaimAdjudication {
        claimAdjustments = List.copyOf(claimAdjustments);
        lines = List.copyOf(lines);
    }

    static ClaimAdjudication of(SubmittedClaim claim, String profileName, String pcn, String status,
                                List<LineAdjudication> lines, DenialReason denial, String deductibleKey,
                                BigDecimal deductible) {
        BigDecimal charge = lines.stream().map(l -> l.line().charge()).reduce(Money.ZERO, BigDecimal::add);
        BigDecimal paid = lines.stream().map(LineAdjudication::paid).reduce(Money.ZERO, BigDecimal::add);
        BigDecimal patient = lines.stream().flatMap(l -> l.adjustments().stream()).filter(a -> a.group().equals("PR"))
                .map(CasAdjustment::amount).reduce(Money.ZERO, BigDecimal::add);
        return new ClaimAdjudication(claim, profileName, pcn, status, List.of(), lines, denial, deductibleKey, deductible,
                charge, paid, patient);
    }

    /** The reversal of this payment (CLP02 22): every amount negated, adjustments summed per group and reason. */
    ClaimAdjudication reversal() {
        Map<String, CasAdjustment> summed = new LinkedHashMap<>();
        List<CasAdjustment> all = new ArrayList<>(claimAdjustments);
        lines.forEach(l -> all.addAll(l.adjustments()));
        for (CasAdjustment a : all) {
            summed.merge(a.group() + "-" + a.reason(), a,
                    (x, y) -> new CasAdjustment(x.group(), x.reason(), x.amount().add(y.amount())));
        }
        List<CasAdjustment> negated = summed.values().stream().filter(a -> a.amount().signum() != 0)
                .map(CasAdjustment::negated).toList();
        return new ClaimAdjudication(claim, profileName, payerClaimControlNumber, "22", negated, List.of(), null,
                deductibleKey, deductible.negate(), charge.negate(), paid.negate(), patientResponsibility.negate());
    }

    /** True when the payer paid something or applied it to the member's share (not denied, not a reversal). */
    boolean processed() {
        return statusCode.equals("1");
    }

    /**
     * One service line's outcome (one SVC loop).
     *
     * @param allowed AMT*B6
     * @param remark  LQ*HE remark code, or null
     */
    record LineAdjudication(SubmittedClaim.ServiceLine line, BigDecimal allowed, BigDecimal paid,
                            List<CasAdjustment> adjustments, String remark) {

        LineAdjudication {
            adjustments = List.copyOf(adjustments);
        }
    }
}
