package io.revcycle.coding.edits;

import io.revcycle.coding.codesets.CodeCheck;
import io.revcycle.coding.codesets.CodeChecker;
import io.revcycle.events.CodeSystem;

import io.revcycle.events.QueryReason;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** Every code must be well formed and in the release governing its date of service. */
public final class CodeValidityEdit extends CodeStatusEdit {

    public CodeValidityEdit(CodeChecker checker) {
        super(checker, EnumSet.of(CodeCheck.Status.MALFORMED, CodeCheck.Status.UNKNOWN, CodeCheck.Status.NOT_EFFECTIVE));
    }

    @Override
    public String name() {
        return "validity";
    }

    /** Adds the codes of a system that does not belong where they are (a CPT code as a diagnosis...). */
    @Override
    public List<EditFinding> check(CodingDraft draft) {
        List<EditFinding> findings = new ArrayList<>(super.check(draft));
        for (DraftDiagnosis d : draft.diagnoses()) {
            if (d.code() != null && !d.code().isBlank() && d.system() != CodeSystem.ICD10CM) {
                findings.add(unsupported(Fields.diagnosis(d), d.system(), d.code(), null, "a diagnosis must be an ICD-10-CM code"));
            }
        }
        for (DraftLine l : draft.lines()) {
            if (l.code() != null && !l.code().isBlank() && !isProcedureSystem(l.system())) {
                findings.add(unsupported(Fields.line(l), l.system(), l.code(), l.lineNumber(), "a service line bills a CPT or HCPCS code"));
            }
        }
        return findings;
    }

    private static EditFinding unsupported(String field, CodeSystem system, String code, Integer line, String why) {
        return EditFinding.error("UNSUPPORTED_CODE_SYSTEM", QueryReason.UNSUPPORTED_CODE, field,
                system + " code " + code + " is not usable here: " + why, List.of(code), line, List.of());
    }

    @Override
    String rule(CodeCheck.Status status) {
        return switch (status) {
            case MALFORMED -> "MALFORMED_CODE";
            case NOT_EFFECTIVE -> "CODE_NOT_EFFECTIVE";
            default -> "UNKNOWN_CODE";
        };
    }

    @Override
    String message(CodeCheck check, CodeSystem system, String shown) {
        return switch (check.status()) {
            case MALFORMED -> "'" + shown + "' is not shaped like a " + system + " code";
            case NOT_EFFECTIVE -> system + " " + shown + " is not in the release governing the date of service";
            default -> system + " " + shown + " is in no loaded release";
        };
    }
}
