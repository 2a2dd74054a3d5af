package io.revcycle.ingest.publish;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.revcycle.deploy.embedded.EmbeddedKafkaExtension;
import io.revcycle.ingest.Fixtures;
import io.revcycle.ingest.PublishedRecords;
import io.revcycle.schemas.Topics;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service pointed at a Kafka that does not answer (a closed port): every path answers 503 and nothing is published. */
@ExtendWith(EmbeddedKafkaExtension.class)
@MicronautTest
@Property(name = "kafka.bootstrap.servers", value = "localhost:1")
@Property(name = "kafka.health.enabled", value = "false")
@Property(name = "revcycle.ingest.kafka.rebuild-ledger", value = "false")
@Property(name = "revcycle.ingest.kafka.max-block", value = "1s")
@Property(name = "revcycle.ingest.kafka.retry-after", value = "7s")
class KafkaUnavailableTest {

    @Inject
    @Client("/")
    HttpClient client;

    private HttpClientResponseException post(String uri, String body, String contentType) {
        return assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.POST(uri, body).contentType(contentType).header("X-API-Key", "test-key-epic"), String.class));
    }

    @Test
    void aJsonEncounterIs503WithRetryAfterAndNothingIsPublished() {
        String id = "ENC-" + UUID.randomUUID();
        HttpClientResponseException e = post("/v1/encounters",
                Fixtures.text("json/office-visit.json").replace("ENC-2026-110201", id), MediaType.APPLICATION_JSON);
        assertEquals(HttpStatus.SERVICE_UNAVAILABLE, e.getStatus());
        assertEquals("7", e.getResponse().header("Retry-After"));
        assertEquals(List.of(), PublishedRecords.values(Topics.ENCOUNTERS, id));
    }

    @Test
    void aBatchIs503WithEachItemUnavailable() {
        String id = "ENC-" + UUID.randomUUID();
        HttpClientResponseException e = post("/v1/encounters/batch",
                "{\"encounters\": [" + Fixtures.text("json/office-visit.json").replace("ENC-2026-110201", id) + "]}",
                MediaType.APPLICATION_JSON);
        assertEquals(HttpStatus.SERVICE_UNAVAILABLE, e.getStatus());
        assertTrue(e.getResponse().getBody(String.class).orElseThrow().contains("\"status\":\"unavailable\""));
        assertEquals(List.of(), PublishedRecords.values(Topics.ENCOUNTERS, id));
    }

    @Test
    void aFhirBundleIs503WithATransientOperationOutcome() {
        String id = "V-" + UUID.randomUUID();
        HttpClientResponseException e = post("/fhir",
                Fixtures.text("fhir/office-visit-bundle.json").replace("V-2026-1104-3381", id), "application/fhir+json");
        assertEquals(HttpStatus.SERVICE_UNAVAILABLE, e.getStatus());
        assertTrue(e.getResponse().getBody(String.class).orElseThrow().contains("\"code\":\"transient\""));
        assertEquals(List.of(), PublishedRecords.values(Topics.ENCOUNTERS, id));
    }

    @Test
    void anHl7MessageIs503WithAnArAck() {
        String id = "V-" + UUID.randomUUID().toString().substring(0, 18);
        HttpClientResponseException e = post("/hl7v2",
                Fixtures.text("hl7/dft-p03-office-visit.hl7").replace("V-2026-1105-0042", id), "application/hl7-v2");
        assertEquals(HttpStatus.SERVICE_UNAVAILABLE, e.getStatus());
        assertTrue(e.getResponse().getBody(String.class).orElseThrow().contains("MSA|AR|MSG00017731"));
        assertEquals(List.of(), PublishedRecords.values(Topics.ENCOUNTERS, id));
    }
}
