package io.revcycle.payments.era;

import io.revcycle.schemas.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** One segment as read: tag, position in the file, elements with their components (1-based). */
final class X12Segment {

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private final String sourceFile;
    private final String tag;
    private final int position;
    private final List<List<String>> elements = new ArrayList<>();

    X12Segment(String sourceFile, String tag, int position) {
        this.sourceFile = sourceFile;
        this.tag = tag;
        this.position = position;
    }

    void put(int element, int component, String value) {
        while (elements.size() < element) {
            elements.add(new ArrayList<>());
        }
        List<String> components = elements.get(element - 1);
        int index = Math.max(component, 1);
        while (components.size() < index) {
            components.add("");
        }
        components.set(index - 1, value);
    }

    String tag() {
        return tag;
    }

    int position() {
        return position;
    }

    /** Number of elements present (trailing empty elements are not sent in X12). */
    int size() {
        return elements.size();
    }

    /** First component of the element, "" when absent. */
    String text(int element) {
        return component(element, 1);
    }

    /** The component of a composite element (1-based), "" when absent. */
    String component(int element, int component) {
        if (element > elements.size()) {
            return "";
        }
        List<String> components = elements.get(element - 1);
        return component > components.size() ? "" : components.get(component - 1);
    }

    /** Components of an element, without trailing empties. */
    List<String> components(int element) {
        if (element > elements.size()) {
            return List.of();
        }
        List<String> components = new ArrayList<>(elements.get(element - 1));
        while (!components.isEmpty() && components.get(components.size() - 1).isEmpty()) {
            components.remove(components.size() - 1);
        }
        return components;
    }

    /** A nullable text: null when empty. */
    String optional(int element) {
        String value = text(element);
        return value.isEmpty() ? null : value;
    }

    String required(int element, String what) throws RemittanceParseException {
        String value = text(element);
        if (value.isEmpty()) {
            throw error(element, what + " is missing");
        }
        return value;
    }

    BigDecimal amount(int element, String what) throws RemittanceParseException {
        return toAmount(element, required(element, what), what);
    }

    BigDecimal optionalAmount(int element, String what) throws RemittanceParseException {
        String value = text(element);
        return value.isEmpty() ? null : toAmount(element, value, what);
    }

    BigDecimal optionalQuantity(int element, String what) throws RemittanceParseException {
        return text(element).isEmpty() ? null : quantity(element, what);
    }

    BigDecimal quantity(int element, String what) throws RemittanceParseException {
        String value = required(element, what);
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw error(element, what + " '" + value + "' is not a number");
        }
    }

    private BigDecimal toAmount(int element, String value, String what) throws RemittanceParseException {
        try {
            return Money.of(value);
        } catch (NumberFormatException e) {
            throw error(element, what + " '" + value + "' is not an amount");
        } catch (ArithmeticException e) {
            throw error(element, what + " '" + value + "' is not a whole number of cents");
        }
    }

    LocalDate date(int element, String what) throws RemittanceParseException {
        String value = required(element, what);
        try {
            return LocalDate.parse(value, CCYYMMDD);
        } catch (DateTimeParseException e) {
            throw error(element, what + " '" + value + "' is not a CCYYMMDD date");
        }
    }

    LocalDate optionalDate(int element, String what) throws RemittanceParseException {
        return text(element).isEmpty() ? null : date(element, what);
    }

    RemittanceParseException error(Integer element, String reason) {
        return new RemittanceParseException(sourceFile, position, tag, element, reason);
    }
}
