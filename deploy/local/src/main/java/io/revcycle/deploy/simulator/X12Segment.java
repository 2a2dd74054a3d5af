package io.revcycle.deploy.simulator;

import java.util.List;

/**
 * One X12 segment as read: its 1-based position in the interchange, its tag and its elements, each
 * a list of components (a simple element has one).
 */
record X12Segment(int position, String tag, List<List<String>> elements) {

    X12Segment {
        elements = List.copyOf(elements);
    }

    /** Element {@code n} (1-based), components joined with ':'; empty when absent. */
    String element(int n) {
        return n < 1 || n > elements.size() ? "" : String.join(":", elements.get(n - 1));
    }

    /** Component {@code c} (1-based) of element {@code n}; empty when absent. */
    String component(int n, int c) {
        if (n < 1 || n > elements.size()) {
            return "";
        }
        List<String> components = elements.get(n - 1);
        return c >= 1 && c <= components.size() ? components.get(c - 1) : "";
    }

    /** All components of element {@code n}; empty when absent. */
    List<String> components(int n) {
        return n < 1 || n > elements.size() ? List.of() : elements.get(n - 1);
    }

    /** True when this is the tag and its first element is {@code qualifier}. */
    boolean is(String tag, String qualifier) {
        return this.tag.equals(tag) && element(1).equals(qualifier);
    }
}
