package io.revcycle.ingest.validation;

import io.revcycle.events.AdministrativeSex;

import java.util.Locale;

/**
 * Reads administrative sex in the spellings the three formats use: the contract's symbols, FHIR's
 * codes (male, female, other, unknown) and HL7 table 0001 (M, F, O, U, A, N).
 */
public final class AdministrativeSexes {

    private AdministrativeSexes() {
    }

    /** The symbol, or null when the value is not a known spelling. */
    public static AdministrativeSex parse(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.trim().toUpperCase(Locale.ROOT)) {
            case "MALE", "M" -> AdministrativeSex.MALE;
            case "FEMALE", "F" -> AdministrativeSex.FEMALE;
            case "OTHER", "O", "A", "N" -> AdministrativeSex.OTHER;
            case "UNKNOWN", "U" -> AdministrativeSex.UNKNOWN;
            default -> null;
        };
    }
}
