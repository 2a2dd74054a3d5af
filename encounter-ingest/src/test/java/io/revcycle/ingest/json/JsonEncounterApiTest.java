package io.revcycle.ingest.json;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.revcycle.deploy.embedded.EmbeddedKafkaExtension;
import io.revcycle.events.CodeSystem;
import io.revcycle.events.CoverageSequence;
import io.revcycle.events.EncounterClass;
import io.revcycle.events.EncounterReceived;
import io.revcycle.events.EncounterRejected;
import io.revcycle.events.SourceFormat;
import io.revcycle.events.Transport;
import io.revcycle.ingest.Fixtures;
import io.revcycle.ingest.IngestReady;
import io.revcycle.ingest.PublishedRecords;
import io.revcycle.ingest.publish.LedgerReadiness;
import io.revcycle.schemas.Topics;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(EmbeddedKafkaExtension.class)
@MicronautTest
class JsonEncounterApiTest {

    private static final String OFFICE_VISIT = Fixtures.text("json/office-visit.json");
    private static final String EPIC_KEY = "test-key-epic";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    LedgerReadiness readiness;

    @BeforeEach
    void ready() throws InterruptedException {
        IngestReady.await(readiness);
    }

    private static String officeVisit(String encounterId) {
        return OFFICE_VISIT.replace("ENC-2026-110201", encounterId);
    }

    private static String newId() {
        return "ENC-" + UUID.randomUUID();
    }

    private HttpResponse<Map> post(String uri, Object body, String contentType) {
        return client.toBlocking().exchange(HttpRequest.POST(uri, body).contentType(contentType).header("X-API-Key", EPIC_KEY), Map.class);
    }

    private HttpClientResponseException refused(String uri, Object body, String contentType) {
        return assertThrows(HttpClientResponseException.class, () -> post(uri, body, contentType));
    }

    private static List<Map<String, Object>> problems(HttpClientResponseException e) {
        return (List<Map<String, Object>>) e.getResponse().getBody(Map.class).orElseThrow().get("problems");
    }

    private static boolean names(List<Map<String, Object>> problems, String field, String rule) {
        return problems.stream().anyMatch(p -> field.equals(p.get("field")) && rule.equals(p.get("rule")));
    }

    @Test
    void aValidEncounterIsAcceptedAfterKafkaHasItWithTheSourceSystemOfTheKey() {
        String id = newId();
        HttpResponse<Map> response = post("/v1/encounters", officeVisit(id), MediaType.APPLICATION_JSON);

        assertEquals(HttpStatus.ACCEPTED, response.getStatus());
        assertEquals(Map.of("encounterId", id, "encounterVersion", 1, "status", "accepted"), response.body());
        List<EncounterReceived> published = PublishedRecords.values(Topics.ENCOUNTERS, id);
        assertEquals(1, published.size());
        EncounterReceived e = published.get(0);
        assertEquals("epic-main", e.getSourceSystem());
        assertEquals(SourceFormat.JSON, e.getSourceFormat());
        assertEquals(1, e.getEncounterVersion());
        assertEquals("MRN-884213", e.getPatientId());
        assertEquals("E119", e.getDiagnoses().get(0).getCode().getValue());
        assertEquals(CodeSystem.HCPCS, e.getServices().get(2).getCode().getSystem());
        assertEquals(new BigDecimal("437.50"), e.getTotalCharge());
        assertEquals(id, e.getHeader().getEncounterId());
        assertEquals(64, e.getContentHash().length());
    }

    @Test
    void anInpatientStayCarriesAdmissionDischargeIcd10PcsProceduresAndASecondaryCoverage() {
        String id = newId();
        HttpResponse<Map> response = post("/v1/encounters",
                Fixtures.text("json/inpatient-stay.json").replace("ENC-2026-IP-30417", id), MediaType.APPLICATION_JSON);

        assertEquals(HttpStatus.ACCEPTED, response.getStatus());
        EncounterReceived e = PublishedRecords.values(Topics.ENCOUNTERS, id).get(0);
        assertEquals(EncounterClass.INPATIENT, e.getEncounterClass());
        assertEquals(LocalDate.parse("2026-10-27"), e.getAdmissionDate());
        assertEquals(LocalDate.parse("2026-10-31"), e.getDischargeDate());
        assertEquals("01", e.getDischargeStatus());
        assertEquals(CodeSystem.ICD10PCS, e.getProcedures().get(0).getCode().getSystem());
        assertEquals("5A09357", e.getProcedures().get(0).getCode().getValue());
        assertEquals(CoverageSequence.SECONDARY, e.getCoverages().get(1).getSequence());
        assertEquals("Vukovich", e.getCoverages().get(1).getSubscriber().getLastName());
        assertEquals("0636", e.getServices().get(2).getRevenueCode());
        assertEquals("Y", e.getDiagnoses().get(0).getPresentOnAdmission());
        assertEquals(new BigDecimal("1382.40"), e.getTotalCharge());
    }

    @Test
    void anUnchangedResendIsADuplicateAndAChangedResendANewVersion() {
        String id = newId();
        post("/v1/encounters", officeVisit(id), MediaType.APPLICATION_JSON);

        HttpResponse<Map> resend = post("/v1/encounters", officeVisit(id), MediaType.APPLICATION_JSON);
        assertEquals(Map.of("encounterId", id, "encounterVersion", 1, "status", "duplicate"), resend.body());
        assertEquals(1, PublishedRecords.values(Topics.ENCOUNTERS, id).size(), "a duplicate publishes nothing");

        String corrected = officeVisit(id).replace("42.50", "45.00").replace("437.50", "440.00");
        HttpResponse<Map> changed = post("/v1/encounters", corrected, MediaType.APPLICATION_JSON);
        assertEquals(Map.of("encounterId", id, "encounterVersion", 2, "status", "accepted"), changed.body());
        List<EncounterReceived> published = PublishedRecords.values(Topics.ENCOUNTERS, id);
        assertEquals(List.of(1, 2), published.stream().map(EncounterReceived::getEncounterVersion).toList());
        assertEquals(new BigDecimal("45.00"), published.get(1).getServices().get(1).getChargeAmount());
    }

    @Test
    void anInvalidEncounterIs422WithEveryProblemNamedAndNothingPublished() {
        String id = newId();
        HttpClientResponseException e = refused("/v1/encounters", officeVisit(id)
                .replace("\"1234567893\"", "\"1234567890\"")
                .replace("42.50", "42.505")
                .replace("\"Quintanilla\"", "\"\""), MediaType.APPLICATION_JSON);

        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus());
        List<Map<String, Object>> problems = problems(e);
        assertTrue(names(problems, "renderingProvider.npi", "NPI_CHECK_DIGIT"), problems::toString);
        assertTrue(names(problems, "services[1].chargeAmount", "CHARGE_PRECISION"), problems::toString);
        assertTrue(names(problems, "patient.lastName", "REQUIRED"), problems::toString);
        assertEquals(3, problems.size());
        assertEquals(List.of(), PublishedRecords.values(Topics.ENCOUNTERS, id));
    }

    @Test
    void malformedJsonIs400WithItsLocationAndNothingPublished() {
        String id = newId();
        HttpClientResponseException e = refused("/v1/encounters", officeVisit(id).replace("\"patientId\":", "\"patientId\""),
                MediaType.APPLICATION_JSON);
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        Map<String, Object> problem = problems(e).get(0);
        assertEquals("SYNTAX", problem.get("rule"));
        assertTrue(problem.get("message").toString().startsWith("malformed JSON at line 3"), problem::toString);
        assertFalse(problem.get("message").toString().contains("MRN"), "the parser's quote of the input is not passed on");
        assertEquals(List.of(), PublishedRecords.values(Topics.ENCOUNTERS, id));
    }

    @Test
    void aValueOfTheWrongJsonTypeIs400NamingTheField() {
        HttpClientResponseException e = refused("/v1/encounters",
                officeVisit(newId()).replace("\"units\": 1, \"chargeAmount\": 42.50", "\"units\": \"one\", \"chargeAmount\": 42.50"),
                MediaType.APPLICATION_JSON);
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        assertFalse(problems(e).isEmpty());
    }

    @Test
    void anEmptyBodyIs400() {
        HttpClientResponseException e = refused("/v1/encounters", "", MediaType.APPLICATION_JSON);
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        assertEquals("body is empty", problems(e).get(0).get("message"));
    }

    @Test
    void invalidUtf8Is400() {
        byte[] body = officeVisit(newId()).replace("Dolores", "Dol\u00f6res").getBytes(StandardCharsets.ISO_8859_1);
        HttpClientResponseException e = refused("/v1/encounters", body, MediaType.APPLICATION_JSON);
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        assertEquals("body is not valid UTF-8", problems(e).get(0).get("message"));
    }

    @Test
    void aWrongContentTypeIs415() {
        HttpClientResponseException e = refused("/v1/encounters", officeVisit(newId()), MediaType.TEXT_PLAIN);
        assertEquals(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getStatus());
    }

    @Test
    void aBodyOverTheConfiguredLimitIs413() {
        String padded = officeVisit(newId()).replace("\"placeOfService\"", "\"padding\": \"" + "x".repeat(300 * 1024) + "\", \"placeOfService\"");
        HttpClientResponseException e = refused("/v1/encounters", padded, MediaType.APPLICATION_JSON);
        assertEquals(HttpStatus.REQUEST_ENTITY_TOO_LARGE, e.getStatus());
    }

    @Test
    void withoutACredentialTheAnswerIs401AndAWrongKeyToo() {
        HttpClientResponseException none = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.POST("/v1/encounters", officeVisit(newId())).contentType(MediaType.APPLICATION_JSON)));
        assertEquals(HttpStatus.UNAUTHORIZED, none.getStatus());
        HttpClientResponseException wrong = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.POST("/v1/encounters", officeVisit(newId())).contentType(MediaType.APPLICATION_JSON)
                        .header("X-API-Key", "not-a-key")));
        assertEquals(HttpStatus.UNAUTHORIZED, wrong.getStatus());
    }

    @Test
    void aJwtBearerTokenIsACredentialAndItsSourceSystemClaimNamesTheSource() throws Exception {
        String id = newId();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("cerner-interface").claim("source_system", "cerner-er")
                .expirationTime(new Date(System.currentTimeMillis() + 600_000)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner("test-only-secret-for-ingest-tokens-0123456789abcdef"));
        HttpResponse<Map> response = client.toBlocking().exchange(HttpRequest.POST("/v1/encounters", officeVisit(id))
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(jwt.serialize()), Map.class);
        assertEquals(HttpStatus.ACCEPTED, response.getStatus());
        assertEquals("cerner-er", PublishedRecords.values(Topics.ENCOUNTERS, id).get(0).getSourceSystem());
    }

    @Test
    void acceptedAndRejectedEncountersAreCountedByFormatAndSource() {
        post("/v1/encounters", officeVisit(newId()), MediaType.APPLICATION_JSON);
        refused("/v1/encounters", officeVisit(newId()).replace("\"1234567893\"", "\"1234567890\""), MediaType.APPLICATION_JSON);
        String metrics = client.toBlocking().retrieve(HttpRequest.GET("/prometheus"));
        assertTrue(metrics.contains("revcycle_ingest_encounters_total{format=\"json\",outcome=\"accepted\",source=\"epic-main\"}"), metrics);
        assertTrue(metrics.contains("revcycle_ingest_encounters_total{format=\"json\",outcome=\"rejected\",source=\"epic-main\"}"), metrics);
        assertTrue(metrics.contains("revcycle_ingest_latency_seconds_count{format=\"json\"}"), metrics);
    }

    @Test
    void healthMetricsAndTheOpenApiDocumentStayOpen() {
        assertEquals(HttpStatus.OK, client.toBlocking().exchange(HttpRequest.GET("/health"), String.class).getStatus());
        assertEquals(HttpStatus.OK, client.toBlocking().exchange(HttpRequest.GET("/prometheus"), String.class).getStatus());
        String openApi = client.toBlocking().retrieve(HttpRequest.GET("/swagger/encounter-ingest-1.0.yml"));
        assertTrue(openApi.contains("/v1/encounters/batch"));
    }

    @Test
    void aBatchAcceptsItsValidItemsAndNamesEachInvalidOneWhichGoesToTheRejectedTopic() {
        String good = newId();
        String badNpi = newId();
        String badType = newId();
        String body = "{\"encounters\": [" + officeVisit(good) + ","
                + officeVisit(badNpi).replace("\"1987654328\"", "\"1987654320\"") + ","
                + officeVisit(badType).replace("\"units\": 1, \"chargeAmount\": 42.50", "\"units\": \"one\", \"chargeAmount\": 42.50")
                + "]}";
        HttpResponse<Map> response = post("/v1/encounters/batch", body, MediaType.APPLICATION_JSON);

        assertEquals(HttpStatus.ACCEPTED, response.getStatus());
        Map<String, Object> answer = response.body();
        assertEquals(1, answer.get("accepted"));
        assertEquals(2, answer.get("rejected"));
        List<Map<String, Object>> results = (List<Map<String, Object>>) answer.get("results");
        assertEquals("accepted", results.get(0).get("status"));
        assertEquals("rejected", results.get(1).get("status"));
        assertTrue(names((List<Map<String, Object>>) results.get(1).get("problems"), "encounters[1].billingProvider.npi", "NPI_CHECK_DIGIT"));
        assertEquals("rejected", results.get(2).get("status"));

        assertEquals(1, PublishedRecords.values(Topics.ENCOUNTERS, good).size());
        assertEquals(List.of(), PublishedRecords.values(Topics.ENCOUNTERS, badNpi));
        List<EncounterRejected> rejected = PublishedRecords.values(Topics.ENCOUNTERS_REJECTED, badNpi);
        assertEquals(1, rejected.size());
        assertEquals(Transport.HTTP_BATCH, rejected.get(0).getTransport());
        assertEquals("NPI_CHECK_DIGIT", rejected.get(0).getReasons().get(0).getRule());
        assertEquals("encounters[1].billingProvider.npi", rejected.get(0).getReasons().get(0).getField());
        assertFalse(rejected.get(0).getReasons().get(0).getMessage().contains("1987654320"), "reasons carry no value");
    }
}
