package io.revcycle.claims.scrub;

import java.util.Set;

/**
 * Payer-specific scrub settings.
 *
 * @param timelyFilingDays days after the date of service within which the payer accepts a claim
 * @param disabledRules    names of rules this payer does not apply
 */
public record PayerRules(int timelyFilingDays, Set<String> disabledRules) {

    /** Medicare's window: 12 months from the date of service. */
    public static final int MEDICARE_TIMELY_FILING_DAYS = 365;

    public PayerRules {
        disabledRules = Set.copyOf(disabledRules);
    }

    /** Every rule on, with the given filing window. */
    public static PayerRules standard(int timelyFilingDays) {
        return new PayerRules(timelyFilingDays, Set.of());
    }
}
