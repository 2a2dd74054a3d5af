package io.revcycle.claims.scrub;

import io.revcycle.events.Claim;
import io.revcycle.events.Finding;
import io.revcycle.events.Severity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every rule the claim's payer applies and collects all findings, so a biller sees every
 * reason at once rather than one per round trip.
 */
public final class ClaimScrubber {

    /** Makes a scrubber around a fingerprint memory (the topology's store). */
    @FunctionalInterface
    public interface Factory {
        ClaimScrubber create(ClaimFingerprints fingerprints);
    }

    private final List<ScrubRule> rules;
    private final PayerRulesCatalog payers;

    public ClaimScrubber(List<ScrubRule> rules, PayerRulesCatalog payers) {
        this.rules = List.copyOf(rules);
        this.payers = payers;
    }

    /** The standard rule set with the given fingerprint memory for duplicate detection. */
    public static ClaimScrubber standard(PayerRulesCatalog payers, ClaimFingerprints fingerprints) {
        return new ClaimScrubber(List.of(
                new RequiredFieldsRule(),
                new NpiCheckDigitRule(),
                new TaxonomyCodeRule(),
                new PlaceOfServiceRule(),
                new ServiceDateRule(),
                new TimelyFilingRule(),
                new DuplicateClaimRule(fingerprints)), payers);
    }

    /** Every finding of every rule the payer applies, as of {@code today}. */
    public List<Finding> scrub(Claim claim, LocalDate today) {
        PayerRules payer = payers.forCoverage(claim.getCoverage());
        ScrubContext context = new ScrubContext(today, payer);
        List<Finding> findings = new ArrayList<>();
        for (ScrubRule rule : rules) {
            if (!payer.disabledRules().contains(rule.name())) {
                findings.addAll(rule.check(claim, context));
            }
        }
        return findings;
    }

    /** True when none of the findings is an error. */
    public static boolean isClean(List<Finding> findings) {
        return findings.stream().noneMatch(f -> f.getSeverity() == Severity.ERROR);
    }
}
