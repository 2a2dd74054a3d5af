package io.revcycle.coding.edits;

import io.revcycle.coding.codesets.CareSetting;
import io.revcycle.events.AdministrativeSex;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An encounter as the edits see it: who the patient is (age and sex only), when, in which setting, and
 * the diagnoses, service lines and inpatient procedures with their codes.
 */
public record CodingDraft(LocalDate serviceDate, LocalDate birthDate, AdministrativeSex sex, CareSetting setting,
                          boolean institutional, List<DraftDiagnosis> diagnoses, List<DraftLine> lines,
                          List<DraftProcedure> procedures) {

    /** An inpatient ICD-10-PCS procedure. */
    public record DraftProcedure(int sequence, String code, LocalDate date) {
    }

    public CodingDraft {
        diagnoses = List.copyOf(diagnoses);
        lines = List.copyOf(lines);
        procedures = List.copyOf(procedures);
    }

    /** Age in whole years on the date of service. */
    public int ageInYears() {
        return Period.between(birthDate, serviceDate).getYears();
    }

    /** Age in days on the date of service. */
    public long ageInDays() {
        return ChronoUnit.DAYS.between(birthDate, serviceDate);
    }

    public Optional<DraftDiagnosis> diagnosis(int sequence) {
        return diagnoses.stream().filter(d -> d.sequence() == sequence).findFirst();
    }

    /** The principal (institutional) or first-listed (professional) diagnosis: the lowest sequence. */
    public Optional<DraftDiagnosis> principal() {
        return diagnoses.stream().min(Comparator.comparingInt(DraftDiagnosis::sequence));
    }
}
