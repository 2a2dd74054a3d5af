package io.revcycle.claims.scrub;

import io.revcycle.claims.ClaimScenarios;
import io.revcycle.events.Claim;
import io.revcycle.events.Coverage;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static io.revcycle.claims.scrub.ScrubTestClaims.CONTEXT;
import static io.revcycle.claims.scrub.ScrubTestClaims.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ServiceDateRuleTest {

    private final ServiceDateRule rule = new ServiceDateRule();

    @Test
    void serviceInsideCoverageAndInThePastPasses() {
        assertEquals(List.of(), rule.check(ClaimScenarios.officeVisitClaim(), CONTEXT));
    }

    @Test
    void futureServiceIsFound() {
        ScrubContext beforeTheVisit = new ScrubContext(LocalDate.of(2026, 3, 1), PayerRules.standard(365));
        assertEquals(Set.of("serviceDateTo"), fields(rule.check(ClaimScenarios.officeVisitClaim(), beforeTheVisit)));
    }

    @Test
    void serviceAfterCoverageEndedIsFound() {
        Claim claim = ClaimScenarios.officeVisitClaim();
        Claim lapsed = Claim.newBuilder(claim)
                .setCoverage(Coverage.newBuilder(claim.getCoverage()).setEffectiveTo(LocalDate.of(2026, 2, 28)).build())
                .build();
        assertEquals(Set.of("coverage.effectiveTo"), fields(rule.check(lapsed, CONTEXT)));
    }

    @Test
    void serviceBeforeCoverageStartedIsFound() {
        Claim claim = ClaimScenarios.officeVisitClaim();
        Claim early = Claim.newBuilder(claim)
                .setCoverage(Coverage.newBuilder(claim.getCoverage()).setEffectiveFrom(LocalDate.of(2026, 3, 3)).build())
                .build();
        assertEquals(Set.of("coverage.effectiveFrom"), fields(rule.check(early, CONTEXT)));
    }
}
