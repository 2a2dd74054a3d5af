package io.revcycle.claims.scrub;

import io.revcycle.events.Claim;
import io.revcycle.events.ClaimLine;
import io.revcycle.events.Coverage;
import io.revcycle.events.Finding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Dates of service make sense: from ≤ to, none in the future, every line inside the claim's span,
 * and all within the coverage's effective dates.
 */
public final class ServiceDateRule implements ScrubRule {

    public static final String NAME = "SERVICE_DATES";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> check(Claim claim, ScrubContext context) {
        List<Finding> findings = new ArrayList<>();
        LocalDate from = claim.getServiceDateFrom();
        LocalDate to = claim.getServiceDateTo();
        if (to.isBefore(from)) {
            findings.add(Findings.error(NAME, "serviceDateTo", "service ends before it starts"));
        }
        if (to.isAfter(context.today())) {
            findings.add(Findings.error(NAME, "serviceDateTo", "date of service is in the future"));
        }
        for (int i = 0; i < claim.getLines().size(); i++) {
            ClaimLine line = claim.getLines().get(i);
            if (line.getServiceDate().isBefore(from) || line.getServiceDate().isAfter(to)) {
                findings.add(Findings.lineError(NAME, "lines[" + i + "].serviceDate",
                        "line date is outside the claim's dates of service", line.getLineNumber()));
            }
        }
        Coverage coverage = claim.getCoverage();
        if (coverage.getEffectiveFrom() != null && from.isBefore(coverage.getEffectiveFrom())) {
            findings.add(Findings.error(NAME, "coverage.effectiveFrom", "service starts before the coverage is effective"));
        }
        if (coverage.getEffectiveTo() != null && to.isAfter(coverage.getEffectiveTo())) {
            findings.add(Findings.error(NAME, "coverage.effectiveTo", "service ends after the coverage ended"));
        }
        return findings;
    }
}
