package io.revcycle.deploy.feed.generate;

import io.revcycle.schemas.Npi;

import java.util.random.RandomGenerator;

/** Made-up National Provider Identifiers for synthetic encounters, valid or deliberately not ({@link Npi}). */
public final class Npis {

    private Npis() {
    }

    /** A new valid NPI starting with 1 or 2, as issued NPIs do. */
    public static String generate(RandomGenerator random) {
        StringBuilder base = new StringBuilder().append(1 + random.nextInt(2));
        for (int i = 0; i < 8; i++) {
            base.append(random.nextInt(10));
        }
        return base.toString() + Npi.checkDigit(base.toString());
    }

    /** The same NPI with another check digit, so that it fails the check. */
    public static String withWrongCheckDigit(String npi, RandomGenerator random) {
        int right = npi.charAt(9) - '0';
        int wrong = (right + 1 + random.nextInt(9)) % 10;
        return npi.substring(0, 9) + wrong;
    }
}
