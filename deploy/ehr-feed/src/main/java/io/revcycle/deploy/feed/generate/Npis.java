package io.revcycle.deploy.feed.generate;

import java.util.random.RandomGenerator;

/**
 * National Provider Identifiers: nine digits and a Luhn check digit computed over the digits
 * prefixed with 80840, the issuer prefix the NPI standard assigns to US health identifiers.
 */
public final class Npis {

    private static final String PREFIX = "80840";

    private Npis() {
    }

    /** A new valid NPI starting with 1 or 2, as issued NPIs do. */
    public static String generate(RandomGenerator random) {
        StringBuilder base = new StringBuilder().append(1 + random.nextInt(2));
        for (int i = 0; i < 8; i++) {
            base.append(random.nextInt(10));
        }
        return base.toString() + checkDigit(base.toString());
    }

    /** The same NPI with another check digit, so that it fails the check. */
    public static String withWrongCheckDigit(String npi, RandomGenerator random) {
        int right = npi.charAt(9) - '0';
        int wrong = (right + 1 + random.nextInt(9)) % 10;
        return npi.substring(0, 9) + wrong;
    }

    /** True when the value has ten digits and the last is the check digit of the nine before it. */
    public static boolean isValid(String npi) {
        return npi != null && npi.matches("\\d{10}") && checkDigit(npi.substring(0, 9)) == npi.charAt(9) - '0';
    }

    /** Luhn check digit of the nine leading digits (with the 80840 prefix). */
    static int checkDigit(String nineDigits) {
        String payload = PREFIX + nineDigits;
        int sum = 0;
        boolean doubleIt = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }
}
