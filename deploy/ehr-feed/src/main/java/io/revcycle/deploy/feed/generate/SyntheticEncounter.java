package io.revcycle.deploy.feed.generate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One made-up encounter as an EHR would send it, in a format-neutral shape the renderers turn into
 * JSON, FHIR R4 or HL7 v2, together with what the pipeline is expected to make of it.
 *
 * @param expectation what ingest and coding should do with it
 * @param flaw        the deliberate error or documentation gap that explains the expectation; null when clean
 */
public record SyntheticEncounter(
        String encounterId,
        Specialty specialty,
        Expectation expectation,
        Flaw flaw,
        Patient patient,
        boolean selfPay,
        List<Coverage> coverages,
        Provider billingProvider,
        Provider renderingProvider,
        Provider attendingProvider,
        Facility facility,
        String placeOfService,
        EncounterClass encounterClass,
        LocalDate serviceDateFrom,
        LocalDate serviceDateTo,
        LocalDate admissionDate,
        LocalDate dischargeDate,
        String admissionType,
        String dischargeStatus,
        List<Diagnosis> diagnoses,
        List<ServiceLine> services,
        List<Procedure> procedures) {

    /** The sum of the line charges, exact. */
    public BigDecimal totalCharge() {
        return services.stream().map(ServiceLine::charge).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** True when the encounter is billed as a hospital (institutional) claim. */
    public boolean institutional() {
        return facility.kind() == FacilityKind.HOSPITAL;
    }

    /** The kind of visit, as ingest names it. */
    public enum EncounterClass { AMBULATORY, EMERGENCY, INPATIENT }

    /** Where care happens, as ingest names it. */
    public enum FacilityKind { CLINIC, HOSPITAL }

    /** Administrative sex, as ingest names it. */
    public enum Sex { MALE, FEMALE }

    /** A postal address. */
    public record Address(String line1, String line2, String city, String state, String postalCode) {
    }

    /** The patient; {@code patientId} is the medical record number at the source. */
    public record Patient(String patientId, String firstName, String middleName, String lastName,
                          LocalDate birthDate, Sex sex, Address address, String phone) {
    }

    /** The insured person when it is not the patient. */
    public record Subscriber(String firstName, String lastName, LocalDate birthDate, Sex sex) {
    }

    /** How the patient relates to the subscriber (X12 individual relationship code). */
    public enum Relationship {
        SELF("18"), SPOUSE("01"), CHILD("19");

        private final String x12;

        Relationship(String x12) {
            this.x12 = x12;
        }

        public String x12() {
            return x12;
        }
    }

    /** One insurance coverage; {@code subscriber} is null when the patient is the subscriber. */
    public record Coverage(Payer payer, String planName, String memberId, String groupNumber,
                           Relationship relationship, Subscriber subscriber, LocalDate effectiveFrom) {
    }

    /**
     * A practitioner ({@code lastName}/{@code firstName}) or an organization ({@code organizationName}
     * and {@code taxId}).
     */
    public record Provider(String npi, String organizationName, String lastName, String firstName,
                           String taxonomy, String taxId, Address address) {

        /** The name as ingest shows it: the organization's, or "Last, First". */
        public String displayName() {
            return organizationName != null ? organizationName : lastName + ", " + firstName;
        }
    }

    /** Where the service took place. */
    public record Facility(String facilityId, String name, String npi, FacilityKind kind, Address address) {
    }

    /** A documented diagnosis: an ICD-10-CM code (with the dot), a text, or both. */
    public record Diagnosis(int sequence, String code, String text, String presentOnAdmission) {
    }

    /** Code systems of service lines. */
    public enum ServiceCodeSystem { CPT, HCPCS }

    /** A charge: CPT or HCPCS code, units and the exact charge for all units. */
    public record ServiceLine(int lineNumber, String code, ServiceCodeSystem system, List<String> modifiers,
                              int units, BigDecimal charge, LocalDate serviceDate, String revenueCode,
                              List<Integer> diagnosisSequences, String renderingProviderNpi) {
    }

    /** An inpatient ICD-10-PCS procedure. */
    public record Procedure(int sequence, String code, String text, LocalDate date) {
    }
}
