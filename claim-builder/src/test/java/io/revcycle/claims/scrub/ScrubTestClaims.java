package io.revcycle.claims.scrub;

import io.revcycle.events.Finding;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Helpers shared by the rule tests. */
final class ScrubTestClaims {

    static final ScrubContext CONTEXT = new ScrubContext(LocalDate.of(2026, 3, 20), PayerRules.standard(365));

    private ScrubTestClaims() {
    }

    static Set<String> fields(List<Finding> findings) {
        return findings.stream().map(Finding::getField).collect(Collectors.toSet());
    }
}
