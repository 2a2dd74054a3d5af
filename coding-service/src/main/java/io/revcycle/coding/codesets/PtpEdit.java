package io.revcycle.coding.codesets;

import java.time.LocalDate;

/**
 * One NCCI procedure-to-procedure edit: column 2 is not paid with column 1 on the same date of
 * service unless the modifier indicator allows a bypass modifier.
 *
 * @param deletedOn first date the edit no longer applies, or null while it is active
 */
public record PtpEdit(String column1, String column2, boolean existedBefore1996, LocalDate effectiveOn,
                      LocalDate deletedOn, ModifierIndicator modifierIndicator, String rationale) {

    /** Whether a modifier may bypass the edit. */
    public enum ModifierIndicator {
        /** Never billed together. */
        NOT_ALLOWED,
        /** Billed together when a bypass modifier documents a distinct service. */
        ALLOWED,
        /** The edit was deleted retroactively: it does not apply. */
        NOT_APPLICABLE;

        static ModifierIndicator of(String value) {
            return switch (value.trim()) {
                case "0" -> NOT_ALLOWED;
                case "1" -> ALLOWED;
                case "9" -> NOT_APPLICABLE;
                default -> throw new IllegalArgumentException("modifier indicator must be 0, 1 or 9, not " + value);
            };
        }
    }

    /** True when the edit applies to services on the date. */
    public boolean activeOn(LocalDate date) {
        return modifierIndicator != ModifierIndicator.NOT_APPLICABLE && !date.isBefore(effectiveOn)
                && (deletedOn == null || date.isBefore(deletedOn));
    }
}
