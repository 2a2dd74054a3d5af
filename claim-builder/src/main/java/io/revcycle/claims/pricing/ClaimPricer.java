package io.revcycle.claims.pricing;

import io.revcycle.claims.assembly.ClaimCopy;
import io.revcycle.events.Claim;
import io.revcycle.events.ClaimLine;
import io.revcycle.events.ClaimType;
import io.revcycle.events.CodeSystem;
import io.revcycle.schemas.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prices a claim: fills a missing line charge from the facility's charge master, fills a missing
 * revenue code of a hospital (institutional) line from the charge master too (the charge master is
 * where a hospital keeps which revenue code each charge is billed under; most EHR feeds do not send
 * it), and computes the expected reimbursement of each line and of the claim from the payer's
 * contract. A line whose
 * code is not in the fee schedule or whose payer has no contract has no expected reimbursement;
 * the claim then carries the sum of the lines that have one, or none at all.
 */
public final class ClaimPricer {

    private final Map<String, FeeSchedule> feeSchedulesByFacility;
    private final FeeSchedule defaultFeeSchedule;
    private final PayerContracts contracts;

    public ClaimPricer(Map<String, FeeSchedule> feeSchedulesByFacility, FeeSchedule defaultFeeSchedule,
                       PayerContracts contracts) {
        this.feeSchedulesByFacility = Map.copyOf(feeSchedulesByFacility);
        this.defaultFeeSchedule = defaultFeeSchedule;
        this.contracts = contracts;
    }

    /** The claim with charges and expected reimbursement filled in. */
    public Claim price(Claim claim) {
        FeeSchedule fees = feeSchedulesByFacility.getOrDefault(claim.getFacility().getFacilityId(), defaultFeeSchedule);
        String payerId = claim.getCoverage().getPayerId();
        List<ClaimLine> priced = new ArrayList<>(claim.getLines().size());
        List<BigDecimal> expected = new ArrayList<>();
        for (ClaimLine line : claim.getLines()) {
            String code = pricedCode(claim.getClaimType(), line);
            BigDecimal unitPrice = fees.price(code).orElse(null);
            BigDecimal charge = line.getChargeAmount();
            if (charge.signum() == 0 && unitPrice != null) {
                charge = Money.round(unitPrice.multiply(BigDecimal.valueOf(line.getUnits())));
            }
            BigDecimal lineExpected = unitPrice == null ? null
                    : contracts.rate(payerId, code).map(r -> r.expected(unitPrice, line.getUnits())).orElse(null);
            if (lineExpected != null) {
                expected.add(lineExpected);
            }
            String revenueCode = line.getRevenueCode();
            if (claim.getClaimType() == ClaimType.INSTITUTIONAL && (revenueCode == null || revenueCode.isBlank())) {
                revenueCode = fees.revenueCode(line.getCode().getValue()).orElse(revenueCode);
            }
            priced.add(ClaimLine.newBuilder(line).setChargeAmount(charge).setRevenueCode(revenueCode)
                    .setExpectedReimbursement(lineExpected).build());
        }
        BigDecimal total = Money.sum(priced.stream().map(ClaimLine::getChargeAmount).toList());
        Claim pricedClaim = ClaimCopy.of(claim);
        pricedClaim.setLines(priced);
        pricedClaim.setTotalCharge(total);
        pricedClaim.setBalance(total);
        pricedClaim.setExpectedReimbursement(expected.isEmpty() ? null : Money.sum(expected));
        return pricedClaim;
    }

    /** Lines are priced by procedure code (CPT/HCPCS); institutional lines without one by revenue code. */
    private static String pricedCode(ClaimType type, ClaimLine line) {
        CodeSystem system = line.getCode().getSystem();
        boolean procedure = system == CodeSystem.CPT || system == CodeSystem.HCPCS;
        if (!procedure && type == ClaimType.INSTITUTIONAL && line.getRevenueCode() != null) {
            return line.getRevenueCode();
        }
        return line.getCode().getValue();
    }
}
