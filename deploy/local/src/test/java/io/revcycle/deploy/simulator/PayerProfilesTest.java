package io.revcycle.deploy.simulator;

import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which profile adjudicates a claim, and how a properties file changes the defaults. */
class PayerProfilesTest {

    @Test
    void theProfileFollowsThePayerIdThenTheFilingIndicator() {
        PayerProfiles profiles = PayerProfiles.defaults();

        assertEquals(PayerProfiles.MEDICARE, profiles.forClaim("MEDICARE", "CI").name(), "a mapped payer id wins");
        assertEquals(PayerProfiles.MEDICARE, profiles.forClaim("NGS-J6", "MB").name());
        assertEquals(PayerProfiles.MEDICARE, profiles.forClaim("NGS-J6", "MA").name());
        assertEquals(PayerProfiles.MEDICAID, profiles.forClaim("IL-HFS", "MC").name());
        assertEquals(PayerProfiles.COMMERCIAL_PPO, profiles.forClaim("ACME", "CI").name());
        assertEquals(PayerProfiles.COMMERCIAL_PPO, profiles.forClaim("ACME", "").name());
    }

    @Test
    void aPropertiesFileMapsPayersAndChangesFeesCostSharingAndRates() throws Exception {
        PayerProfiles profiles = PayerProfiles.load(resource("acme-as-ppo-without-deductible.properties"));

        PayerProfile acme = profiles.forClaim("ACME", "MB");
        assertEquals(PayerProfiles.COMMERCIAL_PPO, acme.name());
        assertEquals(Money.ZERO, acme.annualDeductible());
        assertEquals(Money.of("110.00"), acme.feeSchedule().get("99213"));
        assertEquals(Money.of("182.75"), acme.feeSchedule().get("99214"), "codes not named keep their default fee");
        assertEquals(0.25, acme.denialRates().get(DenialReason.AUTHORIZATION));
        assertEquals(0.0, acme.rejectionRate());
    }

    @Test
    void anUnknownSettingStopsTheLoadNamingTheLine() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> PayerProfiles.load(resource("unknown-setting.properties")));

        assertTrue(refused.getMessage().contains("profile.MEDICARE.discount=0.10"), refused.getMessage());
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(PayerProfilesTest.class.getResource("/profiles/" + name).toURI());
    }
}
