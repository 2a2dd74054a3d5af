package io.revcycle.claims.scrub;

import io.revcycle.events.Claim;
import io.revcycle.events.Finding;
import io.revcycle.events.Provider;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A provider taxonomy code, when present, has the shape of one: ten characters ending in X. */
public final class TaxonomyCodeRule implements ScrubRule {

    public static final String NAME = "TAXONOMY_CODE";
    private static final Pattern SHAPE = Pattern.compile("[0-9A-Z]{9}X");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> check(Claim claim, ScrubContext context) {
        List<Finding> findings = new ArrayList<>();
        checkProvider(findings, claim.getBillingProvider(), "billingProvider");
        checkProvider(findings, claim.getRenderingProvider(), "renderingProvider");
        checkProvider(findings, claim.getAttendingProvider(), "attendingProvider");
        return findings;
    }

    private static void checkProvider(List<Finding> findings, Provider provider, String field) {
        if (provider == null || provider.getTaxonomy() == null) {
            return;
        }
        if (!SHAPE.matcher(provider.getTaxonomy()).matches()) {
            findings.add(Findings.error(NAME, field + ".taxonomy", "taxonomy code must be 10 characters ending in X"));
        }
    }
}
