package io.revcycle.ingest.encounter;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * One encounter as a source system submits it, before validation: the JSON API's body and the
 * common shape FHIR bundles and HL7 messages are mapped into. Dates, codes and enumerated values
 * are kept as received (strings) so that validation can name every problem instead of stopping
 * at the first unreadable value.
 */
@Serdeable
@Schema(description = "An encounter submitted by a source system. Dates are ISO yyyy-MM-dd.")
public record EncounterSubmission(
        @Schema(description = "Encounter (visit) id at the source system; the key of the encounter.", example = "ENC-2026-000123")
        String encounterId,
        @Schema(description = "Medical record number at the source system.", example = "MRN-884213")
        String patientId,
        Patient patient,
        @Schema(description = "True when the patient pays; coverages are then optional.")
        Boolean selfPay,
        List<Coverage> coverages,
        Provider billingProvider,
        Provider renderingProvider,
        Provider referringProvider,
        Provider attendingProvider,
        Facility facility,
        @Schema(description = "CMS place of service, two digits.", example = "11")
        String placeOfService,
        @Schema(description = "AMBULATORY, OUTPATIENT, EMERGENCY, INPATIENT, OBSERVATION, VIRTUAL or HOME_HEALTH.", example = "AMBULATORY")
        String encounterClass,
        @Schema(format = "date", example = "2026-11-02")
        String serviceDateFrom,
        @Schema(format = "date", example = "2026-11-02")
        String serviceDateTo,
        @Schema(format = "date")
        String admissionDate,
        @Schema(format = "date")
        String dischargeDate,
        String admissionType,
        String dischargeStatus,
        List<Diagnosis> diagnoses,
        List<Service> services,
        List<Procedure> procedures,
        @Schema(description = "Optional; when present it must equal the sum of service charges.")
        BigDecimal totalCharge) {

    /** The patient. */
    @Serdeable
    public record Patient(
            String firstName,
            String middleName,
            String lastName,
            @Schema(format = "date", example = "1961-04-17")
            String birthDate,
            @Schema(description = "MALE, FEMALE, OTHER or UNKNOWN.", example = "FEMALE")
            String sex,
            Address address,
            String phone) {
    }

    /** A postal address. */
    @Serdeable
    public record Address(String line1, String line2, String city,
                          @Schema(description = "Two-letter state code.", example = "OH") String state,
                          String postalCode, String country) {
    }

    /** One insurance coverage. */
    @Serdeable
    public record Coverage(
            @Schema(description = "PRIMARY, SECONDARY or TERTIARY.", example = "PRIMARY")
            String sequence,
            String payerId,
            String payerName,
            @Schema(description = "MEDICARE, MEDICAID, COMMERCIAL, MANAGED_CARE, TRICARE, WORKERS_COMP, SELF_PAY or OTHER.", example = "COMMERCIAL")
            String financialClass,
            String planName,
            String memberId,
            String groupNumber,
            @Schema(description = "X12 relationship code: 18 self, 01 spouse, 19 child, G8 other.", example = "18")
            String relationshipToSubscriber,
            @Schema(description = "Absent when the patient is the subscriber.")
            Patient subscriber,
            @Schema(format = "date") String effectiveFrom,
            @Schema(format = "date") String effectiveTo,
            String priorAuthorization) {
    }

    /** A practitioner or organization. */
    @Serdeable
    public record Provider(
            @Schema(description = "10-digit NPI.", example = "1234567893")
            String npi,
            String name,
            String lastName,
            String firstName,
            String taxonomy,
            @Schema(description = "EIN; required for the billing provider.", example = "351234567")
            String taxId,
            Address address) {
    }

    /** Where the service took place. */
    @Serdeable
    public record Facility(
            String facilityId,
            String name,
            String npi,
            @Schema(description = "CLINIC, HOSPITAL, AMBULATORY_SURGERY_CENTER, SKILLED_NURSING or OTHER.")
            String kind,
            Address address) {
    }

    /** A documented diagnosis in ICD-10-CM, or text only for computer-assisted coding. */
    @Serdeable
    public record Diagnosis(
            @Schema(description = "1 = principal / first listed.")
            Integer sequence,
            @Schema(description = "ICD-10-CM, with or without the dot.", example = "E11.9")
            String code,
            String text,
            String presentOnAdmission) {
    }

    /** A service line: CPT or HCPCS with units and charge. */
    @Serdeable
    public record Service(
            Integer lineNumber,
            @Schema(description = "CPT (5 digits, or 4 digits + F/T) or HCPCS Level II (letter + 4 digits).", example = "99213")
            String code,
            @Schema(description = "CPT or HCPCS; inferred from the code's shape when absent.")
            String codeSystem,
            String text,
            List<String> modifiers,
            @Schema(minimum = "1") Integer units,
            @Schema(description = "Exact amount, at most two decimals.", example = "145.00")
            BigDecimal chargeAmount,
            @Schema(format = "date") String serviceDate,
            String revenueCode,
            String ndc,
            List<Integer> diagnosisSequences,
            String renderingProviderNpi) {
    }

    /** An inpatient ICD-10-PCS procedure. */
    @Serdeable
    public record Procedure(Integer sequence, String code, String text, @Schema(format = "date") String date) {
    }
}
