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

class NpiCheckDigitRuleTest {

    @Test
    void renderingProviderWithWrongCheckDigitIsFound() {
        Claim claim = ClaimScenarios.officeVisitClaim();
        Claim broken = Claim.newBuilder(claim)
                .setRenderingProvider(Provider.newBuilder(claim.getRenderingProvider()).setNpi("1456789010").build())
                .build();

        assertEquals(List.of(), new NpiCheckDigitRule().check(claim, CONTEXT));
        assertEquals(Set.of("renderingProvider.npi"), fields(new NpiCheckDigitRule().check(broken, CONTEXT)));
    }
}
