package io.revcycle.ingest.validation;

import java.util.regex.Pattern;

/**
 * The NPI check digit: Luhn over the nine leading digits prefixed with 80840, the card issuer
 * prefix the NPI standard assigns to US health identifiers.
 */
public final class NationalProviderIdentifier {

    private static final String PREFIX = "80840";
    private static final Pattern TEN_DIGITS = Pattern.compile("\\d{10}");

    private NationalProviderIdentifier() {
    }

    /** True when the value has ten digits. */
    public static boolean hasShape(String npi) {
        return npi != null && TEN_DIGITS.matcher(npi).matches();
    }

    /** True when the value has ten digits and the last is the Luhn check digit of the other nine. */
    public static boolean isValid(String npi) {
        if (!hasShape(npi)) {
            return false;
        }
        String digits = PREFIX + npi;
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }
}
