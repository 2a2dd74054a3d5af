package io.revcycle.ingest.hl7;

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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DftMessageReaderTest {

    private final DftMessageReader reader = new DftMessageReader();
    private final EncounterValidator validator =
            new EncounterValidator(Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC));

    private List<Problem> problemsOf(DftMessageReader.Reading reading) {
        return Hl7Paths.translate(validator.validate(reading.submission()), reading.fields());
    }

    @Test
    void anOfficeVisitChargeMessageReadsIntoAValidSubmission() {
        DftMessageReader.Reading reading = reader.read(Fixtures.text("hl7/dft-p03-office-visit.hl7"));
        assertEquals(List.of(), reading.problems());
        assertEquals(List.of(), problemsOf(reading));
        EncounterSubmission s = reading.submission();
        assertEquals("V-2026-1105-0042", s.encounterId());
        assertEquals("MRN-310558", s.patientId());
        assertEquals("Achterberg", s.patient().lastName());
        assertEquals("1954-02-12", s.patient().birthDate());
        assertEquals("AMBULATORY", s.encounterClass());
        assertEquals("11", s.placeOfService());
        assertEquals("1987654328", s.billingProvider().npi());
        assertEquals("314417290", s.billingProvider().taxId());
        assertEquals("1234567893", s.attendingProvider().npi());
        assertEquals("1678901236", s.referringProvider().npi());
        assertEquals("MEDICARE", s.coverages().get(0).financialClass());
        assertEquals("7XK4PD2MN61", s.coverages().get(0).memberId());
        assertEquals("18", s.coverages().get(0).relationshipToSubscriber());
        assertEquals(3, s.services().size());
        assertEquals(List.of("25"), s.services().get(0).modifiers());
        assertEquals(List.of(1, 2), s.services().get(0).diagnosisSequences());
        assertEquals("HCPCS", s.services().get(2).codeSystem());
        assertEquals(2, s.services().get(2).units());
        assertEquals(new BigDecimal("96.40"), s.services().get(2).chargeAmount());
        assertEquals("2026-11-05", s.serviceDateFrom());
    }

    @Test
    void anEmergencyVisitIsAtAHospitalAndTheBillingAddressComesFromRol11() {
        DftMessageReader.Reading reading = reader.read(Fixtures.text("hl7/dft-p03-emergency-visit-with-billing-address.hl7"));
        assertEquals(List.of(), problemsOf(reading));
        EncounterSubmission s = reading.submission();
        assertEquals("EMERGENCY", s.encounterClass());
        assertEquals("23", s.placeOfService());
        assertEquals("HOSPITAL", s.facility().kind());
        assertEquals("4400 Research Blvd", s.billingProvider().address().line1());
        assertEquals("Suite 200", s.billingProvider().address().line2());
        assertEquals("Dayton", s.billingProvider().address().city());
        assertEquals("OH", s.billingProvider().address().state());
        assertEquals("45409", s.billingProvider().address().postalCode());
    }

    @Test
    void anOfficeVisitIsAtAClinic() {
        DftMessageReader.Reading reading = reader.read(Fixtures.text("hl7/dft-p03-office-visit.hl7"));
        assertEquals("CLINIC", reading.submission().facility().kind());
    }

    @Test
    void lineFeedSeparatorsAreTolerated() {
        DftMessageReader.Reading reading = reader.read(Fixtures.text("hl7/dft-p03-line-feed-separators.hl7"));
        assertEquals(List.of(), problemsOf(reading));
        assertEquals("V-2026-1105-0043", reading.submission().encounterId());
    }

    @Test
    void aMessageWithoutMshCannotBeProcessed() {
        DftMessageReader.Reading reading = reader.read(Fixtures.text("hl7/dft-p03-without-msh.hl7"));
        assertFalse(reading.processable());
        assertEquals("MSH", reading.problems().get(0).field());
    }

    @Test
    void anotherMessageTypeCannotBeProcessed() {
        DftMessageReader.Reading reading = reader.read(Fixtures.text("hl7/adt-a01-wrong-message-type.hl7"));
        assertFalse(reading.processable());
        assertEquals(List.of(new Problem(Rule.UNKNOWN_VALUE, "MSH-9", "message type must be DFT^P03")), reading.problems());
    }

    @Test
    void aMissingPidIsNamed() {
        DftMessageReader.Reading reading = reader.read(Fixtures.text("hl7/dft-p03-missing-pid.hl7"));
        assertTrue(reading.processable());
        assertEquals(List.of(new Problem(Rule.REQUIRED, "PID", "the message has no PID segment")), reading.problems());
    }

    @Test
    void aBadNpiIsNamedByItsHl7Field() {
        List<Problem> problems = problemsOf(reader.read(Fixtures.text("hl7/dft-p03-bad-rendering-npi.hl7")));
        assertTrue(problems.stream().anyMatch(p -> p.rule() == Rule.NPI_CHECK_DIGIT && p.field().equals("PV1-7")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.rule() == Rule.NPI_CHECK_DIGIT && p.field().equals("FT1(1)-20")), problems::toString);
    }

    @Test
    void errSegmentsLocateTheField() {
        assertEquals("FT1^2^11^1", Hl7Acks.location("FT1(2)-11"));
        assertEquals("PID^1^7^1", Hl7Acks.location("PID-7"));
        assertEquals("ROL^1^4^2^1", Hl7Acks.location("ROL(1)-4(2).1"));
        assertEquals("PID^1", Hl7Acks.location("PID"));
    }
}
