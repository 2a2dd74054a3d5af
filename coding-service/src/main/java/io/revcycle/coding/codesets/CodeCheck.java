package io.revcycle.coding.codesets;

import java.util.List;

/**
 * What the code sets say about one code on one date of service.
 *
 * @param code        the code in normal form (no dot, upper case)
 * @param entry       the code set entry when the code is in force on the date, else null
 * @param suggestions codes in force on the date that would fix the problem, best first
 */
public record CodeCheck(Status status, String code, CodeEntry entry, List<CodeEntry> suggestions) {

    /** The verdict on a code. */
    public enum Status {
        /** In force on the date and billable. */
        VALID,
        /** Not shaped like a code of its system. */
        MALFORMED,
        /** In no loaded release. */
        UNKNOWN,
        /** In a loaded release, but not in the one governing the date of service. */
        NOT_EFFECTIVE,
        /** A category or subcategory: not valid on a claim. */
        HEADER,
        /** Needs a 7th character (with placeholder X where the code is shorter than six). */
        MISSING_SEVENTH_CHARACTER,
        /** The 7th character is not one the category allows. */
        INVALID_SEVENTH_CHARACTER,
        /** The placeholder X before the 7th character is missing. */
        MISSING_PLACEHOLDER_X
    }

    public CodeCheck {
        suggestions = List.copyOf(suggestions);
    }
}
