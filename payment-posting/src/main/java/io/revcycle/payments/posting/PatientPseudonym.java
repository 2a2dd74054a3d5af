package io.revcycle.payments.posting;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The keyed pseudonym analysts see instead of the patient: HMAC-SHA-256 of our patient id under a
 * secret key. Stable per patient (so payments of one patient can be grouped), not reversible
 * without the key, and different from any identifier the patient carries elsewhere.
 */
public final class PatientPseudonym {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public PatientPseudonym(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the pseudonym secret must be at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** Hex HMAC-SHA-256 of the patient id. */
    public String of(String patientId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(patientId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 unavailable", e);
        }
    }
}
