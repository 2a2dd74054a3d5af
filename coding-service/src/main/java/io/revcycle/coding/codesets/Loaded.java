package io.revcycle.coding.codesets;

import java.util.List;

/**
 * What a loader read from a publisher's file: the items, and the lines it could not read (a
 * malformed line is reported, never fatal: one bad line must not block a whole release).
 */
public record Loaded<T>(List<T> items, List<RejectedLine> rejected) {

    /** A line a loader skipped, with its 1-based number and why. */
    public record RejectedLine(int lineNumber, String reason) {
    }

    public Loaded {
        items = List.copyOf(items);
        rejected = List.copyOf(rejected);
    }
}
