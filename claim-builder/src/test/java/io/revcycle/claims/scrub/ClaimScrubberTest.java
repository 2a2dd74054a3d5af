package io.revcycle.claims.scrub;

import io.revcycle.claims.ClaimScenarios;
import io.revcycle.events.Claim;
import io.revcycle.events.Finding;
import io.revcycle.events.Provider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClaimScrubberTest {

    @Test
    void cleanClaimHasNoFindingsAndABrokenOneHasEveryReason() {
        ClaimScrubber scrubber = ClaimScrubber.standard(
                new PayerRulesCatalog(Map.of(), PayerRules.standard(180)), new DuplicateClaimRuleTest.MapFingerprints());
        Claim claim = ClaimScenarios.officeVisitClaim();
        Claim broken = Claim.newBuilder(claim).setPlaceOfService("98")
                .setBillingProvider(Provider.newBuilder(claim.getBillingProvider()).setNpi("1234567890").setTaxonomy("BAD").build())
                .build();

        assertTrue(ClaimScrubber.isClean(scrubber.scrub(claim, ClaimScenarios.TODAY)));
        List<Finding> findings = scrubber.scrub(broken, ClaimScenarios.TODAY);
        assertFalse(ClaimScrubber.isClean(findings));
        assertEquals(Set.of("NPI_CHECK_DIGIT", "TAXONOMY_CODE", "PLACE_OF_SERVICE"),
                findings.stream().map(Finding::getRule).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void payerCanSwitchARuleOff() {
        PayerRules lenient = new PayerRules(365, Set.of(PlaceOfServiceRule.NAME));
        ClaimScrubber scrubber = ClaimScrubber.standard(
                new PayerRulesCatalog(Map.of("MEDICARE", lenient), PayerRules.standard(180)),
                new DuplicateClaimRuleTest.MapFingerprints());
        Claim claim = Claim.newBuilder(ClaimScenarios.officeVisitClaim()).setPlaceOfService("98").build();

        assertTrue(ClaimScrubber.isClean(scrubber.scrub(claim, ClaimScenarios.TODAY)));
    }
}
