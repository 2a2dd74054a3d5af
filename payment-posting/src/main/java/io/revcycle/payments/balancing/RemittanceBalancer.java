package io.revcycle.payments.balancing;

import io.revcycle.payments.era.CasAdjustment;
import io.revcycle.payments.era.ClaimPayment;
import io.revcycle.payments.era.ProviderLevelAdjustment;
import io.revcycle.payments.era.RemittanceAdvice;
import io.revcycle.payments.era.ServicePayment;
import io.revcycle.schemas.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three 835 balancing rules, checked before anything is posted:
 * <ul>
 *   <li>line: SVC02 charge = SVC03 paid + line adjustments;</li>
 *   <li>claim: CLP03 charge = CLP04 paid + claim adjustments + line adjustments;</li>
 *   <li>transaction: BPR02 = sum of CLP04 - sum of PLB amounts.</li>
 * </ul>
 * A transaction with any imbalance is not posted at all.
 */
public final class RemittanceBalancer {

    /** Every imbalance of the transaction, in file order; empty when it balances. */
    public List<Imbalance> check(RemittanceAdvice advice) {
        List<Imbalance> found = new ArrayList<>();
        BigDecimal claimPayments = Money.ZERO;
        for (ClaimPayment claim : advice.claims()) {
            BigDecimal lineAdjustments = Money.ZERO;
            for (ServicePayment line : claim.lines()) {
                BigDecimal adjustments = total(line.adjustments());
                lineAdjustments = lineAdjustments.add(adjustments);
                BigDecimal difference = line.charge().subtract(line.paid()).subtract(adjustments);
                if (difference.signum() != 0) {
                    found.add(new Imbalance(Imbalance.Level.LINE, claim.patientControlNumber(), line.segmentPosition(),
                            "SVC", figures("charge", line.charge(), "paid", line.paid(), "adjustments", adjustments,
                            "difference", difference)));
                }
            }
            BigDecimal adjustments = total(claim.adjustments()).add(lineAdjustments);
            BigDecimal difference = claim.charge().subtract(claim.paid()).subtract(adjustments);
            if (difference.signum() != 0) {
                found.add(new Imbalance(Imbalance.Level.CLAIM, claim.patientControlNumber(), claim.segmentPosition(),
                        "CLP", figures("charge", claim.charge(), "paid", claim.paid(), "adjustments", adjustments,
                        "difference", difference)));
            }
            claimPayments = claimPayments.add(claim.paid());
        }
        BigDecimal providerAdjustments = advice.providerAdjustments().stream()
                .map(ProviderLevelAdjustment::amount).reduce(Money.ZERO, BigDecimal::add);
        BigDecimal expected = claimPayments.subtract(providerAdjustments);
        BigDecimal difference = advice.totalPaid().subtract(expected);
        if (difference.signum() != 0) {
            // the 835 guide places BPR right after ST
            found.add(new Imbalance(Imbalance.Level.TRANSACTION, null, advice.segmentPosition() + 1, "BPR",
                    figures("bprTotal", advice.totalPaid(), "claimPayments", claimPayments,
                            "providerAdjustments", providerAdjustments, "difference", difference)));
        }
        return found;
    }

    private static BigDecimal total(List<CasAdjustment> adjustments) {
        BigDecimal sum = Money.ZERO;
        for (CasAdjustment adjustment : adjustments) {
            sum = sum.add(adjustment.amount());
        }
        return sum;
    }

    private static Map<String, BigDecimal> figures(Object... namesAndAmounts) {
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        for (int i = 0; i < namesAndAmounts.length; i += 2) {
            figures.put((String) namesAndAmounts[i], Money.of((BigDecimal) namesAndAmounts[i + 1]));
        }
        return figures;
    }
}
