package io.revcycle.coding.edits;

import io.revcycle.coding.codesets.CareSetting;
import io.revcycle.coding.codesets.CodeFormat;
import io.revcycle.events.AdministrativeSex;
import io.revcycle.events.CodeSource;
import io.revcycle.events.CodeSystem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds coding drafts for edit tests: an adult female office visit on 2 June 2025 unless told otherwise. */
final class Drafts {

    static final LocalDate DOS = LocalDate.of(2025, 6, 2);

    private LocalDate birthDate = LocalDate.of(1970, 3, 15);
    private AdministrativeSex sex = AdministrativeSex.FEMALE;
    private final List<DraftDiagnosis> diagnoses = new ArrayList<>();
    private final List<DraftLine> lines = new ArrayList<>();

    static Drafts draft() {
        return new Drafts();
    }

    Drafts born(LocalDate date) {
        this.birthDate = date;
        return this;
    }

    Drafts sex(AdministrativeSex s) {
        this.sex = s;
        return this;
    }

    /** Diagnoses in sequence 1, 2, ... */
    Drafts dx(String... codes) {
        for (String c : codes) {
            diagnoses.add(new DraftDiagnosis(diagnoses.size() + 1, CodeSystem.ICD10CM, CodeFormat.normalize(c), CodeSource.DOCUMENTED, null, null, null));
        }
        return this;
    }

    Drafts dxAt(int sequence, String code) {
        diagnoses.add(new DraftDiagnosis(sequence, CodeSystem.ICD10CM, CodeFormat.normalize(code), CodeSource.DOCUMENTED, null, null, null));
        return this;
    }

    Drafts line(String code, int units, List<String> modifiers, Integer... pointers) {
        CodeSystem system = Character.isLetter(code.charAt(0)) ? CodeSystem.HCPCS : CodeSystem.CPT;
        lines.add(new DraftLine(lines.size() + 1, system, code, CodeSource.DOCUMENTED, modifiers, units, DOS,
                Arrays.asList(pointers)));
        return this;
    }

    Drafts line(String code, Integer... pointers) {
        return line(code, 1, List.of(), pointers);
    }

    CodingDraft build() {
        return new CodingDraft(DOS, birthDate, sex, CareSetting.PRACTITIONER, false, diagnoses, lines, List.of());
    }

    static List<String> rules(List<EditFinding> findings) {
        return findings.stream().map(EditFinding::rule).toList();
    }
}
