package io.revcycle.coding.edits;

import io.revcycle.events.CodeSource;
import io.revcycle.events.CodeSystem;

import java.time.LocalDate;
import java.util.List;

/** A service line on its way to being coded: procedure code, modifiers, units, linked diagnoses. */
public record DraftLine(int lineNumber, CodeSystem system, String code, CodeSource source, List<String> modifiers,
                        int units, LocalDate serviceDate, List<Integer> diagnosisSequences) {

    public DraftLine {
        modifiers = List.copyOf(modifiers);
        diagnosisSequences = List.copyOf(diagnosisSequences);
    }
}
