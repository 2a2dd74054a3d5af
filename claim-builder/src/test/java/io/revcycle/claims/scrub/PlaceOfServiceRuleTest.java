package io.revcycle.claims.scrub;

import io.revcycle.claims.ClaimScenarios;
import io.revcycle.events.Claim;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.revcycle.claims.scrub.ScrubTestClaims.CONTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PlaceOfServiceRuleTest {

    private final PlaceOfServiceRule rule = new PlaceOfServiceRule();

    @Test
    void officeIsFineForProfessionalButNotForInstitutionalClaims() {
        assertEquals(List.of(), rule.check(ClaimScenarios.officeVisitClaim(), CONTEXT));
        assertEquals(List.of(), rule.check(ClaimScenarios.inpatientClaim(), CONTEXT));
        Claim institutionalInOffice = Claim.newBuilder(ClaimScenarios.inpatientClaim()).setPlaceOfService("11").build();
        assertEquals(1, rule.check(institutionalInOffice, CONTEXT).size());
    }

    @Test
    void unknownCodeIsFound() {
        Claim claim = Claim.newBuilder(ClaimScenarios.officeVisitClaim()).setPlaceOfService("98").build();
        assertEquals("placeOfService", rule.check(claim, CONTEXT).get(0).getField());
    }
}
