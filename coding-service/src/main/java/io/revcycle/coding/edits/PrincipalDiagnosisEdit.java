package io.revcycle.coding.edits;

import io.revcycle.events.CodeSystem;
import io.revcycle.events.QueryReason;
import io.revcycle.events.Severity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Sequencing of diagnoses: each sequence once; an external cause code (V00-Y99) never first-listed or
 * principal; a liveborn code (Z38) principal on the birth record; the same code not listed twice.
 */
public final class PrincipalDiagnosisEdit implements CodingEdit {

    @Override
    public String name() {
        return "principal-diagnosis";
    }

    @Override
    public List<EditFinding> check(CodingDraft draft) {
        List<EditFinding> findings = new ArrayList<>();
        Set<Integer> sequences = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (DraftDiagnosis d : draft.diagnoses()) {
            if (!sequences.add(d.sequence())) {
                findings.add(EditFinding.error("DUPLICATE_DIAGNOSIS_SEQUENCE", QueryReason.OTHER, Fields.diagnosis(d),
                        "two diagnoses share sequence " + d.sequence(), List.of(), null, List.of()));
            }
            if (d.code() != null && !d.code().isBlank() && !codes.add(d.code())) {
                findings.add(EditFinding.of(Severity.WARNING, "DUPLICATE_DIAGNOSIS", QueryReason.OTHER, Fields.diagnosis(d),
                        Fields.shown(d.system(), d.code()) + " is listed more than once", List.of(d.code()), null, List.of()));
            }
        }
        draft.principal().ifPresent(p -> {
            if (p.system() == CodeSystem.ICD10CM && p.code() != null && isExternalCause(p.code())) {
                findings.add(EditFinding.error("PRINCIPAL_DIAGNOSIS_SEQUENCE", QueryReason.EDIT_CONFLICT, Fields.diagnosis(p),
                        "external cause code " + Fields.shown(p.system(), p.code())
                                + " may not be the principal or first-listed diagnosis", List.of(p.code()), null, List.of()));
            }
        });
        for (DraftDiagnosis d : draft.diagnoses()) {
            boolean principal = draft.principal().map(p -> p.sequence() == d.sequence()).orElse(false);
            if (!principal && d.code() != null && d.code().startsWith("Z38")) {
                findings.add(EditFinding.error("PRINCIPAL_DIAGNOSIS_SEQUENCE", QueryReason.EDIT_CONFLICT, Fields.diagnosis(d),
                        "liveborn code " + Fields.shown(d.system(), d.code()) + " must be the principal diagnosis",
                        List.of(d.code()), null, List.of()));
            }
        }
        return findings;
    }

    static boolean isExternalCause(String code) {
        char c = code.charAt(0);
        return c == 'V' || c == 'W' || c == 'X' || c == 'Y';
    }
}
