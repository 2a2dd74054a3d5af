package io.revcycle.coding.codesets;

import io.revcycle.events.CodeSystem;

import java.time.LocalDate;

/**
 * One code of a code set as its publisher ships it. Codes are stored without a dot.
 *
 * @param addedOn      first date the publisher lists for the code itself (HCPCS add date), or null
 * @param terminatedOn last valid date the publisher lists for the code itself (HCPCS termination), or null
 */
public record CodeEntry(CodeSystem system, String code, boolean billable, String shortDescription,
                        String longDescription, LocalDate addedOn, LocalDate terminatedOn) {

    /** A code without dates of its own: it is valid for the whole release it belongs to. */
    public static CodeEntry of(CodeSystem system, String code, boolean billable, String shortDescription,
                               String longDescription) {
        return new CodeEntry(system, code, billable, shortDescription, longDescription, null, null);
    }

    /** True when the code's own dates (if any) cover the date. */
    public boolean ownDatesCover(LocalDate date) {
        return (addedOn == null || !date.isBefore(addedOn)) && (terminatedOn == null || !date.isAfter(terminatedOn));
    }

    /** The best text we may show: the long description, else the short one, else nothing. */
    public String description() {
        if (longDescription != null && !longDescription.isBlank()) {
            return longDescription;
        }
        return shortDescription;
    }
}
