package io.revcycle.coding.edits;

import io.revcycle.events.QueryReason;
import io.revcycle.events.Severity;

import java.util.ArrayList;
import java.util.List;

/**
 * Service lines need diagnoses to point to: none at all is a query; a link to a diagnosis that does
 * not exist is an error; more than four links keep the four most specific; no links point to the
 * encounter's diagnoses, principal first.
 */
public final class DiagnosisPointerEdit implements CodingEdit {

    @Override
    public String name() {
        return "diagnosis-pointers";
    }

    @Override
    public List<EditFinding> check(CodingDraft draft) {
        List<EditFinding> findings = new ArrayList<>();
        if (draft.diagnoses().isEmpty()) {
            findings.add(EditFinding.error("MISSING_DIAGNOSIS", QueryReason.MISSING_DIAGNOSIS, "diagnoses",
                    "the encounter documents no diagnosis", List.of(), null, List.of()));
            return findings;
        }
        for (DraftLine line : draft.lines()) {
            String field = "services[line=" + line.lineNumber() + "].diagnosisSequences";
            List<Integer> dangling = line.diagnosisSequences().stream().filter(s -> draft.diagnosis(s).isEmpty()).toList();
            if (!dangling.isEmpty()) {
                findings.add(EditFinding.error("DIAGNOSIS_POINTER_INVALID", QueryReason.MISSING_DIAGNOSIS, field,
                        "the line points to diagnosis sequence(s) " + dangling + " that the encounter does not have",
                        List.of(), line.lineNumber(), List.of()));
            } else if (line.diagnosisSequences().isEmpty()) {
                findings.add(EditFinding.of(Severity.INFO, "DIAGNOSIS_POINTER_DEFAULTED", QueryReason.OTHER, field,
                        "no documented link: the line points to the encounter's first diagnoses", List.of(),
                        line.lineNumber(), List.of()));
            } else if (line.diagnosisSequences().stream().distinct().count() > DiagnosisPointers.MAX) {
                findings.add(EditFinding.of(Severity.WARNING, "DIAGNOSIS_POINTERS_TRUNCATED", QueryReason.OTHER, field,
                        "more than four linked diagnoses: the four most specific are kept", List.of(),
                        line.lineNumber(), List.of()));
            }
        }
        return findings;
    }
}
