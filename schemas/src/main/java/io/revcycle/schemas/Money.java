package io.revcycle.schemas;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money as the contract carries it: {@link BigDecimal} with scale 2 (Avro decimal(12,2)).
 * Avro refuses to encode a decimal whose scale differs from the schema's, so every amount put into
 * an event goes through {@link #of}.
 */
public final class Money {

    static {
        TrustedAvroPackages.install();
    }

    /** Scale of every amount in the contract. */
    public static final int SCALE = 2;
    /** Zero with scale 2. */
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);
    /** Largest amount decimal(12,2) can hold. */
    public static final BigDecimal MAX = new BigDecimal("9999999999.99");

    private Money() {
    }

    /**
     * The amount with scale 2. Refuses amounts with fractions of a cent rather than rounding them
     * silently.
     *
     * @throws ArithmeticException if the amount has more than two decimals or exceeds decimal(12,2)
     */
    public static BigDecimal of(BigDecimal amount) {
        BigDecimal scaled = amount.setScale(SCALE, RoundingMode.UNNECESSARY);
        if (scaled.abs().compareTo(MAX) > 0) {
            throw new ArithmeticException("amount " + amount.toPlainString() + " exceeds decimal(12,2)");
        }
        return scaled;
    }

    /** Parses a plain decimal string such as {@code "125.5"} into an amount with scale 2. */
    public static BigDecimal of(String amount) {
        return of(new BigDecimal(amount));
    }

    /** Rounds half-up to the cent (for computed amounts such as a percentage of a fee). */
    public static BigDecimal round(BigDecimal amount) {
        return amount.setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** Null-safe sum with scale 2. */
    public static BigDecimal sum(Iterable<BigDecimal> amounts) {
        BigDecimal total = ZERO;
        for (BigDecimal a : amounts) {
            if (a != null) {
                total = total.add(a);
            }
        }
        return of(total);
    }
}
