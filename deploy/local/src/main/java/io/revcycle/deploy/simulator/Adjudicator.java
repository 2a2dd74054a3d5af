package io.revcycle.deploy.simulator;

import io.revcycle.deploy.simulator.ClaimAdjudication.LineAdjudication;
import io.revcycle.deploy.simulator.SubmittedClaim.ServiceLine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Adjudicates a claim the way the payer profile says: denial first (duplicate and timely filing by
 * rule, the others drawn at the profile's rates), then per line the allowed amount (fee schedule ×
 * units or a share of the charge, never above the charge), the contractual write-off CO-45, and the
 * member's share in the order copay (PR-3), deductible (PR-1), coinsurance (PR-2). Every line balances:
 * charge = paid + adjustments.
 */
final class Adjudicator {

    private final DeductibleLedger deductibles;

    Adjudicator(DeductibleLedger deductibles) {
        this.deductibles = deductibles;
    }

    /**
     * @param duplicate     true when the payer already adjudicated this claim as an original
     * @param allowedFactor 1 normally; a repricing correction allows a little more
     * @param random        the claim's own random stream (seeded), so the outcome is reproducible
     */
    ClaimAdjudication adjudicate(SubmittedClaim claim, PayerProfile profile, String payerClaimControlNumber,
                                 LocalDate receivedOn, boolean duplicate, BigDecimal allowedFactor, SplittableRandom random) {
        DenialReason denial = denial(claim, profile, receivedOn, duplicate, random);
        String key = DeductibleLedger.key(profile, claim.memberId(), claim.serviceDateFrom().getYear());
        if (denial != null && !denial.lineLevel()) {
            List<LineAdjudication> lines = claim.lines().stream()
                    .map(l -> denied(l, denial)).toList();
            return ClaimAdjudication.of(claim, profile.name(), payerClaimControlNumber, "4", lines, denial, key, Money.ZERO);
        }
        ServiceLine bundled = denial == DenialReason.BUNDLING ? claim.lines().stream()
                .min(Comparator.comparing(ServiceLine::charge).thenComparing(ServiceLine::number, Comparator.reverseOrder()))
                .orElseThrow() : null;
        List<LineAdjudication> lines = new ArrayList<>();
        boolean copayTaken = false;
        BigDecimal deductibleApplied = Money.ZERO;
        for (ServiceLine line : claim.lines()) {
            if (line == bundled) {
                lines.add(denied(line, denial));
                continue;
            }
            BigDecimal allowed = allowed(line, profile, allowedFactor);
            List<CasAdjustment> adjustments = new ArrayList<>();
            BigDecimal contractual = line.charge().subtract(allowed);
            if (contractual.signum() > 0) {
                adjustments.add(new CasAdjustment("CO", "45", contractual));
            }
            BigDecimal open = allowed;
            BigDecimal copay = Money.ZERO;
            if (!copayTaken && profile.copay().signum() > 0 && profile.copayCodes().contains(line.code())) {
                copay = profile.copay().min(open);
                open = open.subtract(copay);
                copayTaken = true;
            }
            BigDecimal deductible = deductibles.apply(key, profile.annualDeductible(), open);
            deductibleApplied = deductibleApplied.add(deductible);
            open = open.subtract(deductible);
            BigDecimal coinsurance = Money.share(open, profile.coinsurance());
            BigDecimal paid = open.subtract(coinsurance);
            if (deductible.signum() > 0) {
                adjustments.add(new CasAdjustment("PR", "1", deductible));
            }
            if (coinsurance.signum() > 0) {
                adjustments.add(new CasAdjustment("PR", "2", coinsurance));
            }
            if (copay.signum() > 0) {
                adjustments.add(new CasAdjustment("PR", "3", copay));
            }
            lines.add(new LineAdjudication(line, allowed, paid, adjustments, null));
        }
        return ClaimAdjudication.of(claim, profile.name(), payerClaimControlNumber, "1", lines, denial, key, deductibleApplied);
    }

    /** Allowed amount of a line: fee schedule price × units, else the profile's share of the charge; at most the charge. */
    static BigDecimal allowed(ServiceLine line, PayerProfile profile, BigDecimal factor) {
        BigDecimal price = profile.feeSchedule().get(line.code());
        BigDecimal allowed = price != null ? Money.share(price.multiply(line.units()), factor)
                : Money.share(line.charge(), profile.percentOfCharge().multiply(factor));
        return allowed.min(line.charge());
    }

    private static LineAdjudication denied(ServiceLine line, DenialReason reason) {
        return new LineAdjudication(line, Money.ZERO, Money.ZERO, List.of(new CasAdjustment("CO", reason.carc(), line.charge())),
                reason.rarc());
    }

    private static DenialReason denial(SubmittedClaim claim, PayerProfile profile, LocalDate receivedOn, boolean duplicate,
                                       SplittableRandom random) {
        double draw = random.nextDouble();
        if (duplicate) {
            return DenialReason.DUPLICATE;
        }
        if (ChronoUnit.DAYS.between(claim.serviceDateFrom(), receivedOn) > profile.timelyFilingDays()) {
            return DenialReason.TIMELY_FILING;
        }
        double cumulative = 0;
        for (DenialReason reason : DenialReason.values()) {
            cumulative += profile.denialRates().getOrDefault(reason, 0.0);
            if (draw < cumulative) {
                if (reason == DenialReason.AUTHORIZATION && claim.priorAuthorization() != null) {
                    return null;
                }
                if (reason == DenialReason.BUNDLING && claim.lines().size() < 2) {
                    return null;
                }
                return reason;
            }
        }
        return null;
    }
}
