package io.revcycle.claims.x12;

import java.util.List;

/**
 * One X12 segment as read: its tag, its 1-based position in the interchange and its elements,
 * each a list of components (a simple element has one).
 *
 * @param position 1-based segment position in the interchange
 * @param tag      segment id, e.g. CLM
 * @param elements elements 1..n, each as its components
 */
public record Segment(int position, String tag, List<List<String>> elements) {

    public Segment {
        elements = List.copyOf(elements);
    }

    /** Element {@code n} (1-based), components joined with ':'; empty when absent. */
    public String element(int n) {
        if (n < 1 || n > elements.size()) {
            return "";
        }
        return String.join(":", elements.get(n - 1));
    }

    /** Component {@code c} (1-based) of element {@code n}; empty when absent. */
    public String component(int n, int c) {
        if (n < 1 || n > elements.size()) {
            return "";
        }
        List<String> components = elements.get(n - 1);
        return c >= 1 && c <= components.size() ? components.get(c - 1) : "";
    }

    /** Number of elements present (trailing empty ones are not written). */
    public int size() {
        return elements.size();
    }

    /** True when this is the tag and its first element is {@code qualifier}. */
    public boolean is(String tag, String qualifier) {
        return this.tag.equals(tag) && element(1).equals(qualifier);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(tag);
        for (int i = 1; i <= elements.size(); i++) {
            text.append('*').append(element(i));
        }
        return text.toString();
    }
}
