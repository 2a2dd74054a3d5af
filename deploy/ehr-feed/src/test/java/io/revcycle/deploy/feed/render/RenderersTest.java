package io.revcycle.deploy.feed.render;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.revcycle.deploy.feed.generate.EncounterGenerator;
import io.revcycle.deploy.feed.generate.Expectation;
import io.revcycle.deploy.feed.generate.Flaw;
import io.revcycle.deploy.feed.generate.GeneratorSettings;
import io.revcycle.deploy.feed.generate.SyntheticEncounter;
import io.revcycle.ingest.encounter.EncounterSubmission;
import io.revcycle.ingest.fhir.FhirBundleReader;
import io.revcycle.ingest.hl7.DftMessageReader;
import io.revcycle.ingest.validation.EncounterValidator;
import io.revcycle.ingest.validation.Problem;
import io.revcycle.ingest.validation.Rule;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each rendering read back by the ingest service's own readers (Jackson for JSON, its FHIR and
 * HL7 readers) and checked by its validator: valid encounters pass in every format, flawed ones
 * fail with the rule their flaw names, and the three formats carry the same content.
 */
class RenderersTest {

    private static final Map<Flaw, Rule> RULE_OF_FLAW = Map.of(
            Flaw.BAD_NPI_CHECK_DIGIT, Rule.NPI_CHECK_DIGIT,
            Flaw.FUTURE_SERVICE_DATE, Rule.DATE_IN_FUTURE,
            Flaw.MISSING_COVERAGE, Rule.COVERAGE_REQUIRED);

    private static List<SyntheticEncounter> encounters;
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final EncounterValidator VALIDATOR = new EncounterValidator(Clock.systemUTC());
    private static FhirBundleReader fhirReader;

    private final JsonEncounterRenderer json = new JsonEncounterRenderer();
    private final FhirBundleRenderer fhir = new FhirBundleRenderer();
    private final Hl7DftRenderer hl7 = new Hl7DftRenderer("synthetic-ehr");

    @BeforeAll
    static void generate() {
        encounters = new EncounterGenerator(GeneratorSettings.defaults().withSeed(3).withRates(0.2, 0.2).withSelfPayRate(0.1)).next(400);
        fhirReader = new FhirBundleReader(FhirContext.forR4());
    }

    private static void assertValidation(SyntheticEncounter e, List<Problem> problems, String format) {
        if (e.expectation().acceptedByIngest()) {
            assertEquals(List.of(), problems, format + " " + e.encounterId() + " " + e.specialty());
        } else {
            Rule rule = RULE_OF_FLAW.get(e.flaw());
            assertTrue(problems.stream().anyMatch(p -> p.rule() == rule), format + " " + e.encounterId() + " refused for " + rule + ": " + problems);
        }
    }

    private static EncounterSubmission readJson(String body) {
        try {
            return JSON.readValue(body, EncounterSubmission.class);
        } catch (IOException ex) {
            throw new AssertionError("ingest cannot read the JSON", ex);
        }
    }

    @Test
    void jsonIsTheIngestModelAndValidatesAsExpected() {
        for (SyntheticEncounter e : encounters) {
            EncounterSubmission s = readJson(json.render(e));
            assertValidation(e, VALIDATOR.validate(s), "JSON");
            assertEquals(e.totalCharge(), s.totalCharge());
            assertEquals(e.facility().kind().name(), s.facility().kind());
        }
    }

    @Test
    void aBatchCarriesEveryEncounterInOrder() throws IOException {
        JsonNode batch = JSON.readTree(json.renderBatch(encounters.subList(0, 10)));
        assertEquals(10, batch.path("encounters").size());
        for (int i = 0; i < 10; i++) {
            assertEquals(encounters.get(i).encounterId(), batch.path("encounters").path(i).path("encounterId").asText());
        }
    }

    @Test
    void fhirBundlesAreReadByIngestWithTheSameContentAsJson() {
        for (SyntheticEncounter e : encounters) {
            FhirBundleReader.Reading reading = fhirReader.read(fhir.render(e));
            assertEquals(List.of(), reading.problems(), "FHIR structure of " + e.encounterId());
            assertValidation(e, VALIDATOR.validate(reading.submission()), "FHIR");
            assertSameContent(readJson(json.render(e)), reading.submission(), "FHIR " + e.encounterId());
        }
    }

    @Test
    void hl7MessagesAreReadByIngestWithTheSameContentAsJson() {
        DftMessageReader reader = new DftMessageReader();
        for (SyntheticEncounter e : encounters) {
            String message = hl7.render(e);
            assertTrue(message.startsWith("MSH|^~\\&|synthetic-ehr|") && !message.contains("\n"), "segments end with CR");
            DftMessageReader.Reading reading = reader.read(message);
            assertTrue(reading.processable(), e.encounterId());
            assertEquals(List.of(), reading.problems(), "HL7 structure of " + e.encounterId());
            assertEquals("synthetic-ehr", reading.header().sendingApplication());
            assertValidation(e, VALIDATOR.validate(reading.submission()), "HL7");
            assertSameContent(readJson(json.render(e)), reading.submission(), "HL7 " + e.encounterId());
            if (e.institutional() && e.admissionDate() != null) {
                assertEquals(e.admissionDate().toString(), reading.submission().admissionDate());
                assertEquals(e.procedures().size(), reading.submission().procedures().size());
            }
        }
    }

    @Test
    void deliminatorsInValuesAreEscapedInHl7() {
        assertEquals("Smith \\T\\ Sons\\F\\x\\S\\y\\R\\z\\E\\", Hl7DftRenderer.esc("Smith & Sons|x^y~z\\"));
    }

    @Test
    void theSameEncounterRendersTheSameBundle() {
        assertEquals(fhir.render(encounters.get(0)), fhir.render(encounters.get(0)));
        assertTrue(encounters.stream().anyMatch(e -> e.expectation() == Expectation.QUERY));
    }

    /** The content the claim depends on, compared between the JSON reading and another format's. */
    private static void assertSameContent(EncounterSubmission expected, EncounterSubmission actual, String what) {
        assertEquals(expected.encounterId(), actual.encounterId(), what);
        assertEquals(expected.patientId(), actual.patientId(), what);
        assertEquals(expected.patient().lastName(), actual.patient().lastName(), what);
        assertEquals(expected.patient().birthDate(), actual.patient().birthDate(), what);
        assertEquals(expected.selfPay(), actual.selfPay(), what + " self-pay");
        assertEquals(expected.encounterClass(), actual.encounterClass(), what);
        assertEquals(expected.placeOfService(), actual.placeOfService(), what);
        assertEquals(expected.serviceDateFrom(), actual.serviceDateFrom(), what);
        assertEquals(expected.serviceDateTo(), actual.serviceDateTo(), what);
        assertEquals(expected.billingProvider().npi(), actual.billingProvider().npi(), what);
        assertEquals(expected.billingProvider().taxId(), actual.billingProvider().taxId(), what);
        assertEquals(expected.renderingProvider().npi(), actual.renderingProvider().npi(), what);
        assertEquals(expected.facility().facilityId(), actual.facility().facilityId(), what);
        assertEquals(expected.coverages().size(), actual.coverages().size(), what);
        for (int i = 0; i < expected.coverages().size(); i++) {
            EncounterSubmission.Coverage x = expected.coverages().get(i);
            EncounterSubmission.Coverage y = actual.coverages().get(i);
            assertEquals(Arrays.asList(x.sequence(), x.payerId(), x.financialClass(), x.memberId(), x.relationshipToSubscriber()),
                    Arrays.asList(y.sequence(), y.payerId(), y.financialClass(), y.memberId(), y.relationshipToSubscriber()), what);
        }
        assertEquals(expected.diagnoses().stream().map(d -> d.sequence() + ":" + d.code() + ":" + d.text()).toList(),
                actual.diagnoses().stream().map(d -> d.sequence() + ":" + d.code() + ":" + d.text()).toList(), what);
        assertEquals(expected.services().size(), actual.services().size(), what);
        for (int i = 0; i < expected.services().size(); i++) {
            EncounterSubmission.Service x = expected.services().get(i);
            EncounterSubmission.Service y = actual.services().get(i);
            assertEquals(Arrays.asList(x.code(), x.codeSystem(), x.modifiers(), x.units(), x.serviceDate(), x.diagnosisSequences(), x.renderingProviderNpi()),
                    Arrays.asList(y.code(), y.codeSystem(), y.modifiers(), y.units(), y.serviceDate(), y.diagnosisSequences(), y.renderingProviderNpi()),
                    what + " line " + (i + 1));
            assertEquals(0, x.chargeAmount().compareTo(y.chargeAmount()), what + " charge of line " + (i + 1));
        }
        BigDecimal total = actual.services().stream().map(EncounterSubmission.Service::chargeAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, expected.totalCharge().compareTo(total), what + " total");
    }
}
