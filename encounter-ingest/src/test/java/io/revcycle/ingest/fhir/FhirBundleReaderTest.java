package io.revcycle.ingest.fhir;

import ca.uhn.fhir.context.FhirContext;
import io.revcycle.ingest.Fixtures;
import io.revcycle.ingest.encounter.EncounterSubmission;
import io.revcycle.ingest.validation.EncounterValidator;
import io.revcycle.ingest.validation.Problem;
import io.revcycle.ingest.validation.Rule;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FhirBundleReaderTest {

    private static final FhirBundleReader READER = new FhirBundleReader(FhirContext.forR4());
    private final EncounterValidator validator =
            new EncounterValidator(Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC));

    private List<Problem> problemsOf(FhirBundleReader.Reading reading) {
        return FhirPaths.translate(validator.validate(reading.submission()), reading.paths());
    }

    @Test
    void anOfficeVisitBundleReadsIntoAValidSubmission() {
        FhirBundleReader.Reading reading = READER.read(Fixtures.text("fhir/office-visit-bundle.json"));
        assertEquals(List.of(), reading.problems());
        assertEquals(List.of(), problemsOf(reading));
        EncounterSubmission s = reading.submission();
        assertEquals("V-2026-1104-3381", s.encounterId());
        assertEquals("MRN-552907", s.patientId());
        assertEquals("Lucas", s.patient().middleName());
        assertEquals("male", s.patient().sex());
        assertEquals("2026-11-04", s.serviceDateFrom());
        assertEquals("AMBULATORY", s.encounterClass());
        assertEquals("11", s.placeOfService());
        assertEquals("1987654328", s.billingProvider().npi());
        assertEquals("314417290", s.billingProvider().taxId());
        assertEquals("1234567893", s.renderingProvider().npi());
        assertEquals("CIMA-EUCLID", s.facility().facilityId());
        EncounterSubmission.Coverage coverage = s.coverages().get(0);
        assertEquals("PRIMARY", coverage.sequence());
        assertEquals("COMMERCIAL", coverage.financialClass());
        assertEquals("60054", coverage.payerId());
        assertEquals("GLH7730051802", coverage.memberId());
        assertEquals("LKW-88120", coverage.groupNumber());
        assertEquals(List.of("J45.40", "E78.5"), s.diagnoses().stream().map(EncounterSubmission.Diagnosis::code).toList());
        assertEquals(3, s.services().size());
        EncounterSubmission.Service albuterol = s.services().get(2);
        assertEquals("J7613", albuterol.code());
        assertEquals("HCPCS", albuterol.codeSystem());
        assertEquals(2, albuterol.units());
        assertEquals(0, new BigDecimal("14.80").compareTo(albuterol.chargeAmount()));
        assertEquals(List.of(1, 2), s.services().get(0).diagnosisSequences());
        assertEquals("1234567893", s.services().get(0).renderingProviderNpi());
    }

    @Test
    void theFacilityKindFollowsThePlaceOfService() {
        FhirBundleReader.Reading emergency = READER.read(Fixtures.text("fhir/emergency-visit-self-pay-message-bundle.json"));
        assertEquals("23", emergency.submission().placeOfService());
        assertEquals("HOSPITAL", emergency.submission().facility().kind());
        FhirBundleReader.Reading office = READER.read(Fixtures.text("fhir/office-visit-bundle.json"));
        assertEquals("11", office.submission().placeOfService());
        assertEquals("CLINIC", office.submission().facility().kind());
    }

    @Test
    void anInpatientStayCarriesAdmissionDischargeAndTheirUb04Codes() {
        FhirBundleReader.Reading reading = READER.read(Fixtures.text("fhir/inpatient-stay-emergency-admission-bundle.json"));
        assertEquals(List.of(), problemsOf(reading));
        var s = reading.submission();
        assertEquals("INPATIENT", s.encounterClass());
        assertEquals("HOSPITAL", s.facility().kind());
        assertEquals("2026-11-01", s.admissionDate());
        assertEquals("2026-11-04", s.dischargeDate());
        assertEquals("1", s.admissionType());
        assertEquals("01", s.dischargeStatus());
    }

    @Test
    void aResourceThatIsNotABundleIsRefusedAsSuch() {
        FhirBundleReader.Reading reading = READER.read(Fixtures.text("fhir/patient-resource-not-a-bundle.json"));
        assertNull(reading.submission());
        assertEquals(List.of(new Problem(Rule.SYNTAX, "resourceType", "resource is a Patient, expected a Bundle")), reading.problems());
    }

    @Test
    void aBundleWithoutPatientNamesTheMissingResource() {
        FhirBundleReader.Reading reading = READER.read(Fixtures.text("fhir/bundle-without-patient.json"));
        assertNull(reading.submission());
        assertEquals(List.of(new Problem(Rule.REQUIRED, "Bundle.entry.resource.ofType(Patient)", "the bundle has no Patient")),
                reading.problems());
    }

    @Test
    void anEncounterPeriodThatIsNotADateIsNamedByItsFhirPath() {
        List<Problem> problems = problemsOf(READER.read(Fixtures.text("fhir/encounter-period-not-a-date.json")));
        assertEquals(List.of(new Problem(Rule.FORMAT, "Bundle.entry[6].resource.ofType(Encounter).period.start",
                "serviceDateFrom: must be a date (yyyy-MM-dd)")), problems);
    }

    @Test
    void aBadPractitionerNpiPointsAtTheIdentifier() {
        List<Problem> problems = problemsOf(READER.read(Fixtures.text("fhir/office-visit-bundle.json")
                .replace("\"value\": \"1234567893\"", "\"value\": \"1234567899\"")));
        assertTrue(problems.stream().anyMatch(p -> p.rule() == Rule.NPI_CHECK_DIGIT
                && p.field().equals("Bundle.entry[3].resource.ofType(Practitioner).identifier.where(system='http://hl7.org/fhir/sid/us-npi')")),
                problems::toString);
    }

    @Test
    void notJsonIsASyntaxProblem() {
        FhirBundleReader.Reading reading = READER.read("{\"resourceType\": \"Bundle\", ");
        assertEquals(Rule.SYNTAX, reading.problems().get(0).rule());
    }
}
