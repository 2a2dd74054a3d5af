package io.revcycle.claims.scrub;

import io.revcycle.events.Claim;
import io.revcycle.events.Finding;

import java.time.LocalDate;
import java.util.List;

/** The claim is filed within the payer's window counted from the first date of service. */
public final class TimelyFilingRule implements ScrubRule {

    public static final String NAME = "TIMELY_FILING";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> check(Claim claim, ScrubContext context) {
        LocalDate deadline = claim.getServiceDateFrom().plusDays(context.payer().timelyFilingDays());
        if (context.today().isAfter(deadline)) {
            return List.of(Findings.error(NAME, "serviceDateFrom",
                    "filing window of " + context.payer().timelyFilingDays() + " days closed on " + deadline));
        }
        return List.of();
    }
}
