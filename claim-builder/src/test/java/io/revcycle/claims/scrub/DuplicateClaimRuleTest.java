package io.revcycle.claims.scrub;

import io.revcycle.claims.ClaimScenarios;
import io.revcycle.claims.assembly.ClaimAssembler;
import io.revcycle.events.Claim;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.revcycle.claims.scrub.ScrubTestClaims.CONTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DuplicateClaimRuleTest {

    static final class MapFingerprints implements ClaimFingerprints {
        final Map<String, String> map = new HashMap<>();

        @Override
        public Optional<String> claimWith(String fingerprint) {
            return Optional.ofNullable(map.get(fingerprint));
        }

        @Override
        public void remember(String fingerprint, String claimId) {
            map.put(fingerprint, claimId);
        }
    }

    @Test
    void secondEncounterForTheSameVisitIsADuplicateButTheSameClaimAgainIsNot() {
        DuplicateClaimRule rule = new DuplicateClaimRule(new MapFingerprints());
        Claim first = ClaimScenarios.officeVisitClaim();
        Claim other = new ClaimAssembler().assemble(
                ClaimScenarios.withEncounterId(ClaimScenarios.officeVisitTwoLines(), "ENC-OV-1002"),
                ClaimScenarios.NOW).orElseThrow();

        assertEquals(List.of(), rule.check(first, CONTEXT));
        assertEquals(List.of(), rule.check(first, CONTEXT));
        assertTrue(rule.check(other, CONTEXT).get(0).getMessage().contains(first.getClaimId()));
    }

    @Test
    void differentCodesMakeADifferentFingerprint() {
        Claim claim = ClaimScenarios.officeVisitClaim();
        Claim fewer = Claim.newBuilder(claim).setLines(List.of(claim.getLines().get(0))).build();
        assertTrue(!DuplicateClaimRule.fingerprint(claim).equals(DuplicateClaimRule.fingerprint(fewer)));
    }
}
