package io.revcycle.coding.edits;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The diagnoses a service line points to: up to four, most specific first. Specific means a longer
 * code (more characters of detail); ties keep the documented order. A line with no documented links
 * points to the encounter's diagnoses, principal first.
 */
public final class DiagnosisPointers {

    /** Pointers a claim line carries at most (837P SV107, CMS-1500 24E). */
    public static final int MAX = 4;

    private DiagnosisPointers() {
    }

    public static List<Integer> forLine(CodingDraft draft, DraftLine line) {
        List<DraftDiagnosis> linked = line.diagnosisSequences().stream()
                .distinct()
                .map(seq -> draft.diagnosis(seq).orElse(null))
                .filter(Objects::nonNull)
                .toList();
        if (linked.isEmpty()) {
            return draft.diagnoses().stream()
                    .sorted(Comparator.comparingInt(DraftDiagnosis::sequence))
                    .limit(MAX)
                    .map(DraftDiagnosis::sequence)
                    .toList();
        }
        return linked.stream()
                .sorted(Comparator.comparingInt((DraftDiagnosis d) -> d.code() == null ? 0 : -d.code().length()))
                .limit(MAX)
                .map(DraftDiagnosis::sequence)
                .toList();
    }
}
