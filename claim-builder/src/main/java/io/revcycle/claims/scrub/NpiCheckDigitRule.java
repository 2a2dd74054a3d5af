package io.revcycle.claims.scrub;

import io.revcycle.events.Claim;
import io.revcycle.events.Finding;
import io.revcycle.events.Provider;
import io.revcycle.schemas.Npi;

import java.util.ArrayList;
import java.util.List;

/** Every provider NPI on the claim (billing, rendering, referring, attending) has a valid check digit. */
public final class NpiCheckDigitRule implements ScrubRule {

    public static final String NAME = "NPI_CHECK_DIGIT";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> check(Claim claim, ScrubContext context) {
        List<Finding> findings = new ArrayList<>();
        checkProvider(findings, claim.getBillingProvider(), "billingProvider");
        checkProvider(findings, claim.getRenderingProvider(), "renderingProvider");
        checkProvider(findings, claim.getReferringProvider(), "referringProvider");
        checkProvider(findings, claim.getAttendingProvider(), "attendingProvider");
        return findings;
    }

    private static void checkProvider(List<Finding> findings, Provider provider, String field) {
        if (provider == null || provider.getNpi() == null || provider.getNpi().isBlank()) {
            return;
        }
        if (!Npi.isValid(provider.getNpi())) {
            findings.add(Findings.error(NAME, field + ".npi", "NPI fails the check digit"));
        }
    }
}
