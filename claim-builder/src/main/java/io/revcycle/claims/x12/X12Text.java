package io.revcycle.claims.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How values are rendered in X12 elements. */
final class X12Text {

    static final DateTimeFormatter D8 = DateTimeFormatter.BASIC_ISO_DATE;

    private X12Text() {
    }

    /** Free text upper-cased with delimiter characters replaced, so data can never break the syntax. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(c == '*' || c == '~' || c == ':' || c == '^' || c < ' ' ? ' ' : Character.toUpperCase(c));
        }
        return out.toString().strip();
    }

    /** Amount in X12 decimal form: no trailing zeros, no exponent (125.00 → 125, 92.50 → 92.5). */
    static String amount(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }

    static String date(LocalDate date) {
        return date.format(D8);
    }

    /** ICD-10 codes are sent without their decimal point. */
    static String icd(String code) {
        return code.replace(".", "").toUpperCase(Locale.ROOT);
    }

    /** Right-pads to a fixed ISA width. */
    static String fixed(String value, int width) {
        String text = text(value);
        return text.length() >= width ? text.substring(0, width) : text + " ".repeat(width - text.length());
    }
}
