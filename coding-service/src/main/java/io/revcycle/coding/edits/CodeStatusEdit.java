package io.revcycle.coding.edits;

import io.revcycle.coding.codesets.CodeCheck;
import io.revcycle.coding.codesets.CodeChecker;
import io.revcycle.events.CodeSystem;
import io.revcycle.events.QueryReason;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Shared shape of the edits that judge each code against the code sets; each subclass reports the
 * verdicts it owns so one problem yields one finding.
 */
abstract class CodeStatusEdit implements CodingEdit {

    private final CodeChecker checker;
    private final Set<CodeCheck.Status> owned;

    CodeStatusEdit(CodeChecker checker, Set<CodeCheck.Status> owned) {
        this.checker = checker;
        this.owned = owned;
    }

    /** Rule name and message for a verdict this edit owns. */
    abstract String rule(CodeCheck.Status status);

    abstract String message(CodeCheck check, CodeSystem system, String shown);

    @Override
    public List<EditFinding> check(CodingDraft draft) {
        List<EditFinding> findings = new ArrayList<>();
        for (DraftDiagnosis d : draft.diagnoses()) {
            if (d.code() != null && !d.code().isBlank() && d.system() == CodeSystem.ICD10CM) {
                report(checker.check(d.system(), d.code(), draft.serviceDate()), d.system(), d.code(),
                        Fields.diagnosis(d), null, findings);
            }
        }
        for (DraftLine l : draft.lines()) {
            if (l.code() != null && !l.code().isBlank() && isProcedureSystem(l.system())) {
                report(checker.check(l.system(), l.code(), l.serviceDate()), l.system(), l.code(), Fields.line(l),
                        l.lineNumber(), findings);
            }
        }
        for (CodingDraft.DraftProcedure p : draft.procedures()) {
            report(checker.check(CodeSystem.ICD10PCS, p.code(), p.date()), CodeSystem.ICD10PCS, p.code(),
                    "procedures[seq=" + p.sequence() + "].code", null, findings);
        }
        return findings;
    }

    /** Systems a service line may bill: CPT and HCPCS (ICD-10-PCS goes on inpatient procedures). */
    static boolean isProcedureSystem(CodeSystem system) {
        return system == CodeSystem.CPT || system == CodeSystem.HCPCS;
    }

    private void report(CodeCheck check, CodeSystem system, String raw, String field, Integer line,
                        List<EditFinding> findings) {
        if (owned.contains(check.status())) {
            String shown = check.code().isEmpty() ? String.valueOf(raw) : Fields.shown(system, check.code());
            findings.add(EditFinding.error(rule(check.status()), QueryReason.INVALID_CODE, field,
                    message(check, system, shown), List.of(check.code()), line, Fields.options(check.suggestions())));
        }
    }
}
