package io.revcycle.coding.codesets;

import io.revcycle.events.CodeSystem;

import java.time.LocalDate;
import java.time.Month;

/**
 * One published release of a code set and the dates of service it governs.
 *
 * @param effectiveThrough last date of service the release governs; null while no later release is known
 */
public record CodeSetRelease(CodeSystem system, String version, LocalDate effectiveFrom, LocalDate effectiveThrough) {

    public CodeSetRelease {
        if (effectiveThrough != null && effectiveThrough.isBefore(effectiveFrom)) {
            throw new IllegalArgumentException("release " + version + " ends before it starts");
        }
    }

    /**
     * The ICD-10 release of a fiscal year: FY N runs from 1 October of N-1 to 30 September of N.
     */
    public static CodeSetRelease fiscalYear(CodeSystem system, int fiscalYear) {
        return new CodeSetRelease(system, "FY" + fiscalYear, LocalDate.of(fiscalYear - 1, Month.OCTOBER, 1),
                LocalDate.of(fiscalYear, Month.SEPTEMBER, 30));
    }

    /** True when the release governs a service on this date. */
    public boolean covers(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveThrough == null || !date.isAfter(effectiveThrough));
    }

    /** The same release, ending the day before a later release starts. */
    public CodeSetRelease endingBefore(LocalDate laterStart) {
        return new CodeSetRelease(system, version, effectiveFrom, laterStart.minusDays(1));
    }

    /** A short label such as {@code ICD10CM:FY2025}. */
    public String label() {
        return system + ":" + version;
    }
}
