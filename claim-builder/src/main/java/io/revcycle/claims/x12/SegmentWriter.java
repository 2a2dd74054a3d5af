package io.revcycle.claims.x12;

import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;

import java.util.List;

/**
 * Writes whole segments to a StAEDI writer and counts the segments of the current transaction set
 * for SE01. Elements are strings; a {@link Composite} is written as components.
 */
final class SegmentWriter {

    /** A composite element: its components in order. */
    record Composite(List<String> components) {
        static Composite of(String... components) {
            return new Composite(List.of(components));
        }
    }

    private final EDIStreamWriter writer;
    private int transactionSegments;

    SegmentWriter(EDIStreamWriter writer) {
        this.writer = writer;
    }

    void segment(String tag, Object... elements) throws EDIStreamException {
        writer.writeStartSegment(tag);
        int last = elements.length;
        while (last > 0 && isEmpty(elements[last - 1])) {
            last--;
        }
        for (int i = 0; i < last; i++) {
            Object element = elements[i];
            if (element instanceof Composite composite) {
                writer.writeStartElement();
                int lastComponent = composite.components().size();
                while (lastComponent > 0 && composite.components().get(lastComponent - 1).isEmpty()) {
                    lastComponent--;
                }
                for (int c = 0; c < lastComponent; c++) {
                    String component = composite.components().get(c);
                    if (component.isEmpty()) {
                        writer.writeEmptyComponent();
                    } else {
                        writer.writeComponent(component);
                    }
                }
                writer.endElement();
            } else {
                String value = element == null ? "" : element.toString();
                if (value.isEmpty()) {
                    writer.writeEmptyElement();
                } else {
                    writer.writeElement(value);
                }
            }
        }
        writer.writeEndSegment();
        transactionSegments++;
    }

    /** Starts counting for a new transaction set (ST is the first counted segment). */
    void startTransactionCount() {
        transactionSegments = 0;
    }

    /** Segments written since the count started, SE included once it is written. */
    int transactionSegments() {
        return transactionSegments;
    }

    private static boolean isEmpty(Object element) {
        if (element == null) {
            return true;
        }
        if (element instanceof Composite composite) {
            return composite.components().stream().allMatch(String::isEmpty);
        }
        return element.toString().isEmpty();
    }
}
