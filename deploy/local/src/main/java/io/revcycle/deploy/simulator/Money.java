package io.revcycle.deploy.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money at scale 2; a share of an amount is rounded half-up to the cent. */
final class Money {

    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Money() {
    }

    static BigDecimal of(String amount) {
        return new BigDecimal(amount).setScale(2, RoundingMode.UNNECESSARY);
    }

    static BigDecimal share(BigDecimal amount, BigDecimal rate) {
        return amount.multiply(rate).setScale(2, RoundingMode.HALF_UP);
    }
}
