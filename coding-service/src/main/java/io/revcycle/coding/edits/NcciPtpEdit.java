package io.revcycle.coding.edits;

import io.revcycle.coding.codesets.CodeSets;
import io.revcycle.coding.codesets.NcciPtpTable;
import io.revcycle.coding.codesets.PtpEdit;
import io.revcycle.events.QueryReason;
import io.revcycle.events.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * NCCI procedure-to-procedure edits between two lines on the same date of service. Indicator 0: never
 * together. Indicator 1: together only when a bypass modifier documents a distinct service (59 or the
 * X{EPSU} subsets; 25 on an E/M reported with a procedure, or 57 for the decision for surgery).
 * Indicator 9: the edit does not apply.
 */
public final class NcciPtpEdit implements CodingEdit {

    private static final Set<String> DISTINCT_SERVICE = Set.of("59", "XE", "XS", "XP", "XU");
    private static final Set<String> SEPARATE_EVALUATION = Set.of("25", "57");

    private final CodeSets codeSets;

    public NcciPtpEdit(CodeSets codeSets) {
        this.codeSets = codeSets;
    }

    @Override
    public String name() {
        return "ncci-ptp";
    }

    @Override
    public List<EditFinding> check(CodingDraft draft) {
        NcciPtpTable table = codeSets.ptp(draft.setting());
        List<EditFinding> findings = new ArrayList<>();
        List<DraftLine> lines = draft.lines();
        for (int i = 0; i < lines.size(); i++) {
            for (int j = i + 1; j < lines.size(); j++) {
                DraftLine a = lines.get(i);
                DraftLine b = lines.get(j);
                if (a.code() == null || b.code() == null || !a.serviceDate().equals(b.serviceDate())
                        || a.code().equals(b.code())) {
                    continue;
                }
                table.between(a.code(), b.code(), a.serviceDate()).ifPresent(edit -> findings.add(judge(edit, a, b)));
            }
        }
        return findings;
    }

    private static EditFinding judge(PtpEdit edit, DraftLine a, DraftLine b) {
        DraftLine column2 = a.code().equals(edit.column2()) ? a : b;
        List<String> codes = List.of(edit.column1(), edit.column2());
        String pair = edit.column1() + " with " + edit.column2();
        if (edit.modifierIndicator() == PtpEdit.ModifierIndicator.NOT_ALLOWED) {
            return EditFinding.error("NCCI_PTP", QueryReason.EDIT_CONFLICT, Fields.line(column2),
                    pair + " is never paid on the same day (modifier indicator 0): " + edit.rationale(), codes,
                    column2.lineNumber(), List.of());
        }
        Set<String> bypass = isEvaluationAndManagement(edit.column2()) ? SEPARATE_EVALUATION : DISTINCT_SERVICE;
        boolean bypassed = a.modifiers().stream().anyMatch(bypass::contains)
                || b.modifiers().stream().anyMatch(bypass::contains);
        if (bypassed) {
            return EditFinding.of(Severity.INFO, "NCCI_PTP_BYPASSED", QueryReason.EDIT_CONFLICT, Fields.line(column2),
                    pair + " allowed by a bypass modifier", codes, column2.lineNumber(), List.of());
        }
        return EditFinding.error("NCCI_PTP", QueryReason.EDIT_CONFLICT, Fields.line(column2),
                pair + " needs a modifier for a distinct service (one of " + String.join(", ", sorted(bypass)) + "): "
                        + edit.rationale(), codes, column2.lineNumber(), List.of());
    }

    /** E/M visit codes (office, hospital, emergency department and the like). */
    static boolean isEvaluationAndManagement(String code) {
        return code.length() == 5 && code.startsWith("992");
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
