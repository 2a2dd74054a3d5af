package io.revcycle.deploy.dashboard.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A share with the counts it comes from, so a reader can check it: {@code value} is
 * numerator / denominator to four places (half-up), null when nothing was counted yet.
 */
public record Ratio(long numerator, long denominator, BigDecimal value) {

    public static final int SCALE = 4;

    public static Ratio of(long numerator, long denominator) {
        BigDecimal value = denominator == 0 ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), SCALE, RoundingMode.HALF_UP);
        return new Ratio(numerator, denominator, value);
    }
}
