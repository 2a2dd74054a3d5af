package io.revcycle.coding.edits;

import io.revcycle.events.AdministrativeSex;
import io.revcycle.events.CodeSystem;
import io.revcycle.events.QueryReason;

import java.util.ArrayList;
import java.util.List;

/**
 * Diagnoses that conflict with the patient's sex or age: pregnancy codes on a male or outside
 * childbearing age, newborn codes after the first 28 days, sex-specific codes on the other sex.
 * A patient whose sex is not recorded as male or female is not edited for sex.
 */
public final class AgeSexEdit implements CodingEdit {

    private final SexSpecificCodes codes;

    public AgeSexEdit(SexSpecificCodes codes) {
        this.codes = codes;
    }

    @Override
    public String name() {
        return "age-sex";
    }

    @Override
    public List<EditFinding> check(CodingDraft draft) {
        List<EditFinding> findings = new ArrayList<>();
        for (DraftDiagnosis d : draft.diagnoses()) {
            if (d.system() != CodeSystem.ICD10CM || d.code() == null || d.code().isBlank()) {
                continue;
            }
            String code = d.code();
            String shown = Fields.shown(CodeSystem.ICD10CM, code);
            if (draft.sex() == AdministrativeSex.MALE && SexSpecificCodes.matches(codes.femaleOnly(), code)) {
                findings.add(conflict("SEX_CONFLICT", d, shown + " applies to female patients only; the patient is male"));
            } else if (draft.sex() == AdministrativeSex.FEMALE && SexSpecificCodes.matches(codes.maleOnly(), code)) {
                findings.add(conflict("SEX_CONFLICT", d, shown + " applies to male patients only; the patient is female"));
            }
            int age = draft.ageInYears();
            if (SexSpecificCodes.matches(codes.pregnancy(), code)
                    && (age < codes.pregnancyMinAge() || age > codes.pregnancyMaxAge())) {
                findings.add(conflict("AGE_CONFLICT", d, "pregnancy code " + shown + " on a patient outside ages "
                        + codes.pregnancyMinAge() + "-" + codes.pregnancyMaxAge()));
            }
            if (SexSpecificCodes.matches(codes.newborn(), code) && draft.ageInDays() > codes.newbornMaxDays()) {
                findings.add(conflict("AGE_CONFLICT", d, "newborn code " + shown + " on a patient older than "
                        + codes.newbornMaxDays() + " days"));
            }
        }
        return findings;
    }

    private static EditFinding conflict(String rule, DraftDiagnosis d, String message) {
        return EditFinding.error(rule, QueryReason.EDIT_CONFLICT, Fields.diagnosis(d), message, List.of(d.code()), null,
                List.of());
    }
}
