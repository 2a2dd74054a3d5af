package io.revcycle.claims.assembly;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Claim ids derived from the encounter and the payer, so that a replayed or resent encounter
 * lands on the claim it already made. The id travels as the patient control number (CLM01, at
 * most 20 characters), hence a short base32 rendering of a SHA-256.
 */
public final class ClaimIds {

    /** Characters of the id: "C" and 16 base32 characters (80 bits of the digest). */
    public static final int LENGTH = 17;
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private ClaimIds() {
    }

    /** The claim id of the claim an encounter makes for one payer. */
    public static String of(String encounterId, String payerId) {
        byte[] digest = sha256(encounterId + '\u001f' + payerId);
        StringBuilder id = new StringBuilder(LENGTH).append('C');
        int buffer = 0;
        int bits = 0;
        int index = 0;
        while (id.length() < LENGTH) {
            if (bits < 5) {
                buffer = (buffer << 8) | (digest[index++] & 0xff);
                bits += 8;
            }
            id.append(BASE32[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
        }
        return id.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
