package io.revcycle.schemas;

/**
 * The National Provider Identifier carried by every {@code Provider} of the contract: ten digits
 * whose last is the Luhn check digit of the first nine prefixed with 80840, the issuer prefix the
 * NPI standard assigns to US health identifiers. One implementation for the edge's validation, the
 * claim scrubber and the test data generators.
 */
public final class Npi {

    private static final String PREFIX = "80840";

    private Npi() {
    }

    /** True when the value is ten digits. */
    public static boolean hasShape(String npi) {
        return npi != null && npi.length() == 10 && npi.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** True when the value is ten digits and the last is the check digit of the nine before it. */
    public static boolean isValid(String npi) {
        return hasShape(npi) && checkDigit(npi.substring(0, 9)) == npi.charAt(9) - '0';
    }

    /**
     * The Luhn check digit of nine leading digits (with the 80840 prefix).
     *
     * @throws IllegalArgumentException unless given exactly nine digits
     */
    public static int checkDigit(String nineDigits) {
        if (nineDigits == null || nineDigits.length() != 9 || !nineDigits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("an NPI check digit is computed over nine digits");
        }
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
