package io.revcycle.claims.scrub;

import io.revcycle.claims.ClaimScenarios;
import io.revcycle.events.Claim;
import io.revcycle.events.Provider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.revcycle.claims.scrub.ScrubTestClaims.CONTEXT;
import static io.revcycle.claims.scrub.ScrubTestClaims.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TaxonomyCodeRuleTest {

    @Test
    void taxonomyMustBeTenCharactersEndingInX() {
        Claim claim = ClaimScenarios.officeVisitClaim();
        Claim shortCode = Claim.newBuilder(claim)
                .setBillingProvider(Provider.newBuilder(claim.getBillingProvider()).setTaxonomy("207Q0000X").build())
                .build();
        Claim noX = Claim.newBuilder(claim)
                .setRenderingProvider(Provider.newBuilder(claim.getRenderingProvider()).setTaxonomy("207Q000001").build())
                .build();

        assertEquals(List.of(), new TaxonomyCodeRule().check(claim, CONTEXT));
        assertEquals(Set.of("billingProvider.taxonomy"), fields(new TaxonomyCodeRule().check(shortCode, CONTEXT)));
        assertEquals(Set.of("renderingProvider.taxonomy"), fields(new TaxonomyCodeRule().check(noX, CONTEXT)));
    }
}
