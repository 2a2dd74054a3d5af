package io.revcycle.claims.scrub;

import io.revcycle.events.Claim;
import io.revcycle.events.Finding;

import java.util.List;

/** One scrub edit. Returns every problem it finds; an empty list means the claim passes it. */
public interface ScrubRule {

    /** Stable name used in findings and in payer configuration to switch the rule off. */
    String name();

    /** Findings for the claim, checked as of the context's date. */
    List<Finding> check(Claim claim, ScrubContext context);
}
