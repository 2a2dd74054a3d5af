package io.revcycle.ingest.fhir;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.revcycle.deploy.embedded.EmbeddedKafkaExtension;
import io.revcycle.events.AdministrativeSex;
import io.revcycle.events.CodeSystem;
import io.revcycle.events.EncounterClass;
import io.revcycle.events.EncounterReceived;
import io.revcycle.events.FinancialClass;
import io.revcycle.events.SourceFormat;
import io.revcycle.ingest.Fixtures;
import io.revcycle.ingest.IngestReady;
import io.revcycle.ingest.PublishedRecords;
import io.revcycle.ingest.publish.LedgerReadiness;
import io.revcycle.schemas.Topics;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(EmbeddedKafkaExtension.class)
@MicronautTest
class FhirEncounterApiTest {

    private static final String FHIR_JSON = "application/fhir+json";
    private static final String FIXTURE_ID = "V-2026-1104-3381";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    LedgerReadiness readiness;

    @BeforeEach
    void ready() throws InterruptedException {
        IngestReady.await(readiness);
    }

    private HttpResponse<String> post(String body, String contentType) {
        return client.toBlocking().exchange(HttpRequest.POST("/fhir", body).contentType(contentType)
                .header("X-API-Key", "test-key-cerner"), String.class);
    }

    private HttpClientResponseException refused(String body, String contentType) {
        return assertThrows(HttpClientResponseException.class, () -> post(body, contentType));
    }

    private static String bundle(String fixture, String encounterId) {
        return Fixtures.text(fixture).replace(FIXTURE_ID, encounterId);
    }

    @Test
    void anOfficeVisitBundleIsPublishedWithItsResourcesMappedToTheContract() {
        String id = "V-" + UUID.randomUUID();
        HttpResponse<String> response = post(bundle("fhir/office-visit-bundle.json", id), FHIR_JSON);

        assertEquals(HttpStatus.ACCEPTED, response.getStatus());
        assertTrue(response.body().contains("\"resourceType\":\"OperationOutcome\""), response.body());
        assertTrue(response.body().contains("\"code\":\"accepted\""), response.body());
        List<EncounterReceived> published = PublishedRecords.values(Topics.ENCOUNTERS, id);
        assertEquals(1, published.size());
        EncounterReceived e = published.get(0);
        assertEquals(SourceFormat.FHIR_R4, e.getSourceFormat());
        assertEquals("cerner-er", e.getSourceSystem());
        assertEquals("MRN-552907", e.getPatientId());
        assertEquals(AdministrativeSex.MALE, e.getPatient().getSex());
        assertEquals(LocalDate.parse("1978-09-23"), e.getPatient().getBirthDate());
        assertEquals(LocalDate.parse("2026-11-04"), e.getServiceDateFrom());
        assertEquals(FinancialClass.COMMERCIAL, e.getCoverages().get(0).getFinancialClass());
        assertEquals("1987654328", e.getBillingProvider().getNpi());
        assertEquals("1234567893", e.getRenderingProvider().getNpi());
        assertEquals(List.of("J4540", "E785"), e.getDiagnoses().stream().map(d -> d.getCode().getValue()).toList());
        assertEquals(CodeSystem.HCPCS, e.getServices().get(2).getCode().getSystem());
        assertEquals(2, e.getServices().get(2).getUnits());
        assertEquals(new BigDecimal("268.05"), e.getTotalCharge());
    }

    @Test
    void aSelfPayEmergencyVisitAsAMessageBundleIsPublishedWithoutCoverage() {
        String id = "ED-" + UUID.randomUUID();
        HttpResponse<String> response = post(Fixtures.text("fhir/emergency-visit-self-pay-message-bundle.json")
                .replace("ED-2026-1109-0716", id), FHIR_JSON);

        assertEquals(HttpStatus.ACCEPTED, response.getStatus());
        EncounterReceived e = PublishedRecords.values(Topics.ENCOUNTERS, id).get(0);
        assertTrue(e.getSelfPay());
        assertEquals(List.of(), e.getCoverages());
        assertEquals(EncounterClass.EMERGENCY, e.getEncounterClass());
        assertEquals("23", e.getPlaceOfService());
        assertEquals(LocalDate.parse("2026-11-10"), e.getServiceDateTo());
        assertEquals(List.of("25"), e.getServices().get(0).getModifiers());
        assertEquals(List.of("RT"), e.getServices().get(1).getModifiers());
        assertEquals("S52521A", e.getDiagnoses().get(0).getCode().getValue());
        assertEquals(new BigDecimal("1638.50"), e.getTotalCharge());
    }

    @Test
    void anUnchangedResendIsADuplicate() {
        String id = "V-" + UUID.randomUUID();
        post(bundle("fhir/office-visit-bundle.json", id), FHIR_JSON);
        HttpResponse<String> resend = post(bundle("fhir/office-visit-bundle.json", id), FHIR_JSON);
        assertTrue(resend.body().contains("\"code\":\"duplicate\""), resend.body());
        assertEquals(1, PublishedRecords.values(Topics.ENCOUNTERS, id).size());
    }

    @Test
    void aResourceThatIsNotABundleIs400WithAnOperationOutcome() {
        HttpClientResponseException e = refused(Fixtures.text("fhir/patient-resource-not-a-bundle.json"), FHIR_JSON);
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        String outcome = e.getResponse().getBody(String.class).orElseThrow();
        assertTrue(outcome.contains("\"expression\":[\"resourceType\"]"), outcome);
        assertTrue(outcome.contains("expected a Bundle"), outcome);
    }

    @Test
    void aBundleWithoutPatientIs422NamingTheMissingResourceAndPublishesNothing() {
        String id = "V-" + UUID.randomUUID();
        HttpClientResponseException e = refused(bundle("fhir/bundle-without-patient.json", id), FHIR_JSON);
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus());
        String outcome = e.getResponse().getBody(String.class).orElseThrow();
        assertTrue(outcome.contains("\"expression\":[\"Bundle.entry.resource.ofType(Patient)\"]"), outcome);
        assertEquals(List.of(), PublishedRecords.values(Topics.ENCOUNTERS, id));
    }

    @Test
    void anEncounterPeriodThatIsNotADateIs422WithItsFhirPath() {
        String id = "V-" + UUID.randomUUID();
        HttpClientResponseException e = refused(bundle("fhir/encounter-period-not-a-date.json", id), FHIR_JSON);
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus());
        String outcome = e.getResponse().getBody(String.class).orElseThrow();
        assertTrue(outcome.contains("\"expression\":[\"Bundle.entry[6].resource.ofType(Encounter).period.start\"]"), outcome);
        assertTrue(!outcome.contains("last tuesday"), "the refused value is not echoed");
        assertEquals(List.of(), PublishedRecords.values(Topics.ENCOUNTERS, id));
    }

    @Test
    void malformedJsonIs400AndAWrongContentTypeIs415() {
        assertEquals(HttpStatus.BAD_REQUEST, refused("{\"resourceType\": \"Bundle\",", FHIR_JSON).getStatus());
        assertEquals(HttpStatus.UNSUPPORTED_MEDIA_TYPE, refused(Fixtures.text("fhir/office-visit-bundle.json"), MediaType.TEXT_PLAIN).getStatus());
    }
}
