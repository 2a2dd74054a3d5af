package io.revcycle.deploy.simulator;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static io.revcycle.deploy.simulator.TestClaims.DOS;
import static io.revcycle.deploy.simulator.TestClaims.RECEIVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Denials happen at the configured rates, with the right CARC/RARC, and the same seed gives the same denials. */
class DenialRatesTest {

    private static final int CLAIMS = 4000;

    @Test
    void eachReasonIsDrawnAtItsRateAndCarriesItsCodes() {
        PayerProfile profile = PayerProfiles.defaults().withRatesScaled(0).profile(PayerProfiles.COMMERCIAL_PPO)
                .withDenialRate(DenialReason.MEDICAL_NECESSITY, 0.10)
                .withDenialRate(DenialReason.MISSING_INFORMATION, 0.05)
                .withDenialRate(DenialReason.BUNDLING, 0.05);

        List<ClaimAdjudication> results = run(profile, 42);

        Map<DenialReason, Integer> counts = new EnumMap<>(DenialReason.class);
        results.stream().filter(r -> r.denial() != null).forEach(r -> counts.merge(r.denial(), 1, Integer::sum));
        assertBetween(counts.getOrDefault(DenialReason.MEDICAL_NECESSITY, 0), 320, 480);
        assertBetween(counts.getOrDefault(DenialReason.MISSING_INFORMATION, 0), 140, 260);
        assertBetween(counts.getOrDefault(DenialReason.BUNDLING, 0), 140, 260);
        assertEquals(3, counts.size(), "no reason with rate zero is drawn: " + counts);

        ClaimAdjudication necessity = first(results, DenialReason.MEDICAL_NECESSITY);
        assertEquals("4", necessity.statusCode());
        assertEquals("50", necessity.lines().get(0).adjustments().get(0).reason());
        assertEquals("N115", necessity.lines().get(0).remark());
        ClaimAdjudication missing = first(results, DenialReason.MISSING_INFORMATION);
        assertEquals("16", missing.lines().get(0).adjustments().get(0).reason());
        assertEquals("M51", missing.lines().get(0).remark());
        ClaimAdjudication bundled = first(results, DenialReason.BUNDLING);
        assertEquals("1", bundled.statusCode(), "bundling denies a line, the claim is still paid");
        assertEquals("97", bundled.lines().get(1).adjustments().get(0).reason(), "the cheaper line is bundled");
        assertEquals(Money.ZERO, bundled.lines().get(1).paid());
        assertEquals(Money.of("125.00"), bundled.lines().get(0).allowed(), "the other line is allowed as usual");
    }

    @Test
    void theSameSeedDeniesTheSameClaimsAndAnotherSeedOthers() {
        PayerProfile profile = PayerProfiles.defaults().profile(PayerProfiles.COMMERCIAL_PPO);

        List<String> once = denied(run(profile, 7));
        List<String> again = denied(run(profile, 7));
        List<String> otherSeed = denied(run(profile, 8));

        assertEquals(once, again);
        assertTrue(!once.equals(otherSeed));
        assertBetween(once.size(), (int) (CLAIMS * 0.07), (int) (CLAIMS * 0.16));
    }

    private static List<ClaimAdjudication> run(PayerProfile profile, long seed) {
        Adjudicator adjudicator = new Adjudicator(new DeductibleLedger());
        List<ClaimAdjudication> results = new ArrayList<>();
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int i = 0; i < CLAIMS; i++) {
            SubmittedClaim claim = TestClaims.professional("C" + i, "ACME", "CI", "ACM" + i, DOS, "99213", "125.00",
                    "36415", "15.00");
            results.add(adjudicator.adjudicate(claim, profile, "PCN" + i, RECEIVED, false, BigDecimal.ONE, seeds.split()));
        }
        return results;
    }

    private static List<String> denied(List<ClaimAdjudication> results) {
        return results.stream().filter(r -> r.denial() != null).map(r -> r.claim().claimId() + ":" + r.denial()).toList();
    }

    private static ClaimAdjudication first(List<ClaimAdjudication> results, DenialReason reason) {
        return results.stream().filter(r -> r.denial() == reason).findFirst().orElseThrow();
    }

    private static void assertBetween(int value, int low, int high) {
        assertTrue(value >= low && value <= high, value + " not in [" + low + ", " + high + "]");
    }
}
