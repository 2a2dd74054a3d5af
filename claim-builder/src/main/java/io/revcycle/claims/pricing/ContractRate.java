package io.revcycle.claims.pricing;

import io.revcycle.schemas.Money;

import java.math.BigDecimal;

/**
 * What a payer's contract pays for one unit of a code: a percentage of the fee schedule price, or
 * a fixed amount.
 *
 * @param method how the rate applies
 * @param value  percentage (e.g. 80 for 80 %) or fixed amount per unit
 */
public record ContractRate(Method method, BigDecimal value) {

    /** How a rate applies. */
    public enum Method { PERCENT_OF_FEE_SCHEDULE, FIXED }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Expected payment for {@code units} units whose fee schedule price is {@code unitPrice}. */
    public BigDecimal expected(BigDecimal unitPrice, int units) {
        BigDecimal perUnit = method == Method.FIXED ? value : unitPrice.multiply(value).divide(HUNDRED);
        return Money.round(perUnit.multiply(BigDecimal.valueOf(units)));
    }
}
