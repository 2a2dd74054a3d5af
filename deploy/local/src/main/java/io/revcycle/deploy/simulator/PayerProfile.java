package io.revcycle.deploy.simulator;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How one kind of payer adjudicates: what it allows per code (fee schedule, else a share of the
 * charge), what the member pays (annual deductible, coinsurance, copay on office visits), how often
 * it denies and for what, and how often its front end rejects.
 *
 * @param name              profile name, e.g. MEDICARE
 * @param payerName         N1*PR name in the 835
 * @param claimNumberPrefix prefix of the payer claim control numbers it assigns
 * @param payerTaxId        nine digits; TRN03 is 1 + this
 * @param feeSchedule       allowed amount of one unit per CPT/HCPCS (or revenue) code
 * @param percentOfCharge   allowed share of the charge for codes not in the fee schedule (e.g. 0.45)
 * @param annualDeductible  per member per calendar year
 * @param coinsurance       member share of the allowed amount after deductible and copay (e.g. 0.20)
 * @param copay             per claim, on the first line with a code in {@code copayCodes}
 * @param denialRates       probability per claim of each denial reason
 * @param rejectionRate     probability that the front end rejects a claim in the 277CA (A7 member id)
 * @param memberIdPattern   member ids the front end accepts; others are rejected A7
 * @param timelyFilingDays  claims whose service date is older are denied CO-29
 * @param reversalRate      probability that a paid claim is later reversed and corrected
 * @param interestRate      probability that a paid claim earns prompt-pay interest (PLB L6)
 */
record PayerProfile(String name, String payerName, String claimNumberPrefix, String payerTaxId,
                    Map<String, BigDecimal> feeSchedule, BigDecimal percentOfCharge, BigDecimal annualDeductible,
                    BigDecimal coinsurance, BigDecimal copay, Set<String> copayCodes,
                    Map<DenialReason, Double> denialRates, double rejectionRate, Pattern memberIdPattern,
                    int timelyFilingDays, double reversalRate, double interestRate) {

    PayerProfile {
        feeSchedule = Map.copyOf(feeSchedule);
        copayCodes = Set.copyOf(copayCodes);
        denialRates = denialRates.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(denialRates));
    }

    /** The same profile with every random rate (denials, rejections, reversals, interest) multiplied by {@code factor}. */
    PayerProfile withRatesScaled(double factor) {
        Map<DenialReason, Double> scaled = new EnumMap<>(DenialReason.class);
        denialRates.forEach((reason, rate) -> scaled.put(reason, Math.min(1.0, rate * factor)));
        return new PayerProfile(name, payerName, claimNumberPrefix, payerTaxId, feeSchedule, percentOfCharge,
                annualDeductible, coinsurance, copay, copayCodes, scaled, Math.min(1.0, rejectionRate * factor),
                memberIdPattern, timelyFilingDays, Math.min(1.0, reversalRate * factor), Math.min(1.0, interestRate * factor));
    }

    /** The same profile with one denial rate set. */
    PayerProfile withDenialRate(DenialReason reason, double rate) {
        Map<DenialReason, Double> rates = new EnumMap<>(DenialReason.class);
        rates.putAll(denialRates);
        rates.put(reason, rate);
        return new PayerProfile(name, payerName, claimNumberPrefix, payerTaxId, feeSchedule, percentOfCharge,
                annualDeductible, coinsurance, copay, copayCodes, rates, rejectionRate, memberIdPattern,
                timelyFilingDays, reversalRate, interestRate);
    }
}
