package io.revcycle.payments.posting;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PatientPseudonymTest {

    @Test
    void stablePerPatientAndSecret() {
        PatientPseudonym one = new PatientPseudonym(TestClaims.SECRET);
        PatientPseudonym other = new PatientPseudonym("another-secret-of-enough-length");

        assertEquals(one.of("P-1"), new PatientPseudonym(TestClaims.SECRET).of("P-1"));
        assertNotEquals(one.of("P-1"), one.of("P-2"));
        assertNotEquals(one.of("P-1"), other.of("P-1"), "without the secret the key cannot be recomputed");
    }

    @Test
    void isTheHexHmacSha256OfThePatientId() {
        // computed independently: HMAC-SHA-256(key = the test secret, message = "P-1001")
        assertEquals("f70ba7c618c830e97a2f07d9c22d843305a8380f9c7a583356aa60cc1f253bf1",
                new PatientPseudonym(TestClaims.SECRET).of("P-1001"));
    }

    @Test
    void refusesAShortSecret() {
        assertThrows(IllegalArgumentException.class, () -> new PatientPseudonym("short"));
    }
}
