package io.revcycle.claims.scrub;

/**
 * National Provider Identifier check: ten digits whose last is the Luhn check digit computed over
 * the first nine prefixed with the card issuer prefix 80840.
 */
public final class Npi {

    private Npi() {
    }

    /** True for a well-formed NPI with a correct check digit. */
    public static boolean isValid(String npi) {
        if (npi == null || npi.length() != 10 || !npi.chars().allMatch(Character::isDigit)) {
            return false;
        }
        // The prefix 80840 contributes a constant 24 to the Luhn sum.
        int sum = 24;
        for (int i = 8; i >= 0; i--) {
            int digit = npi.charAt(i) - '0';
            if ((8 - i) % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        int check = (10 - sum % 10) % 10;
        return check == npi.charAt(9) - '0';
    }
}
