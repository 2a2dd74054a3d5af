package io.revcycle.deploy.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** How amounts and dates are read from and written to X12 elements. */
final class X12Values {

    private static final DateTimeFormatter D8 = DateTimeFormatter.BASIC_ISO_DATE;

    private X12Values() {
    }

    /** Amount in X12 decimal form: no trailing zeros, no exponent (125.00 → 125, 92.50 → 92.5). */
    static String amount(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }

    /** An X12 decimal as money (scale 2), or empty when it is not a number with at most two decimals. */
    static Optional<BigDecimal> money(String value) {
        if (value == null || value.isEmpty() || !value.matches("-?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            return Optional.empty();
        }
        BigDecimal amount = new BigDecimal(value);
        return amount.stripTrailingZeros().scale() > 2 ? Optional.empty()
                : Optional.of(amount.setScale(2, RoundingMode.UNNECESSARY));
    }

    static String date(LocalDate date) {
        return date.format(D8);
    }

    /** A CCYYMMDD date, or empty when it is not one. */
    static Optional<LocalDate> date(String value) {
        try {
            return value == null || value.length() != 8 ? Optional.empty() : Optional.of(LocalDate.parse(value, D8));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
