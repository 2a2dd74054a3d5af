package io.revcycle.coding;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.revcycle.deploy.embedded.EmbeddedKafkaExtension;
import io.revcycle.events.CodeSource;
import io.revcycle.events.CodedEncounter;
import io.revcycle.events.EncounterReceived;
import io.revcycle.schemas.Topics;
import io.revcycle.schemas.serde.AvroSerdes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.revcycle.coding.Encounters.encounter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service against the embedded broker and registry: an encounter event becomes a coded encounter
 * event, and a query answered over HTTP codes the waiting encounter.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CodingServiceFlowTest {

    @Inject
    @Client("/")
    HttpClient client;

    private KafkaProducer<String, EncounterReceived> producer;
    private KafkaConsumer<String, CodedEncounter> consumer;

    @BeforeAll
    void clients() {
        var stack = EmbeddedKafkaExtension.stack();
        Map<String, Object> serde = Map.of("schema.registry.url", stack.registryUrl(), "specific.avro.reader", true);
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers(), "acks", "all"),
                new StringSerializer(), AvroSerdes.of(Topics.ENCOUNTERS, serde).serializer());
        Map<String, Object> consumerConfig = new HashMap<>();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "coding-flow-test-" + UUID.randomUUID());
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                AvroSerdes.of(Topics.ENCOUNTERS_CODED, serde).deserializer());
        consumer.subscribe(List.of(Topics.ENCOUNTERS_CODED.name()));
    }

    @AfterAll
    void close() {
        producer.close();
        consumer.close();
    }

    @Test
    void encounterEventBecomesACodedEncounterEvent() throws Exception {
        String id = "FLOW-" + UUID.randomUUID();
        producer.send(new ProducerRecord<>(Topics.ENCOUNTERS.name(), id,
                encounter(id).dx("I10", "E11.9").service("99213", 1, 2).build())).get();
        CodedEncounter coded = awaitCoded(id);
        assertEquals("I10", coded.getDiagnoses().get(0).getCode().getValue());
        assertEquals(List.of(2, 1), coded.getServiceLines().get(0).getDiagnosisPointers());
    }

    @Test
    void queryAnsweredOverHttpCodesTheEncounter() throws Exception {
        String id = "FLOW-" + UUID.randomUUID();
        producer.send(new ProducerRecord<>(Topics.ENCOUNTERS.name(), id,
                encounter(id).dxText("CHF").service("99214").build())).get();
        Map<String, Object> query = awaitOpenQuery(id);
        assertEquals("LOW_CONFIDENCE_TEXT", query.get("reason"));
        String queryId = (String) query.get("queryId");

        HttpResponse<Map<String, Object>> accepted = client.toBlocking().exchange(HttpRequest.POST("/v1/queries/" + queryId + "/answer",
                Map.of("answeredBy", "coder-7", "codes", List.of(Map.of("code", "I50.22")),
                        "clarification", "chronic systolic per echo")), Argument.mapOf(String.class, Object.class));
        assertEquals(202, accepted.code());

        CodedEncounter coded = awaitCoded(id);
        assertEquals("I5022", coded.getDiagnoses().get(0).getCode().getValue());
        assertEquals(CodeSource.CODER_ANSWER, coded.getDiagnoses().get(0).getSource());
        assertEquals(List.of(queryId), coded.getQueryIds());
    }

    @Test
    void queryListNamesEveryBadParameter() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/v1/queries?status=CLOSED&reason=NOPE&olderThan=1day"),
                        String.class));
        assertEquals(400, e.getStatus().getCode());
        String body = e.getResponse().getBody(String.class).orElse("");
        assertTrue(body.contains("status") && body.contains("reason") && body.contains("olderThan"), body);
    }

    @Test
    void answeringAQueryThatIsNotOpenIsNotFound() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.POST("/v1/queries/NO-SUCH-v1-q1/answer",
                        Map.of("answeredBy", "coder-7", "codes", List.of())), String.class));
        assertTrue(e.getStatus().getCode() == 404 || e.getStatus().getCode() == 503, e.getStatus().toString());
    }

    @Test
    void codeSetReleasesAreListedAndImportIsClosedByDefault() {
        List<Map<String, Object>> releases = client.toBlocking().retrieve(HttpRequest.GET("/v1/code-sets"),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertTrue(releases.stream().anyMatch(r -> "ICD10CM".equals(r.get("system")) && "starter".equals(r.get("version"))));
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.POST("/v1/code-sets/import",
                        Map.of("directory", "/tmp", "effectiveFrom", "2025-10-01")), String.class));
        assertEquals(403, e.getStatus().getCode());
    }

    private CodedEncounter awaitCoded(String encounterId) {
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            for (ConsumerRecord<String, CodedEncounter> r : consumer.poll(Duration.ofMillis(500))) {
                if (r.key().equals(encounterId)) {
                    return r.value();
                }
            }
        }
        throw new AssertionError("no coded encounter for " + encounterId);
    }

    private Map<String, Object> awaitOpenQuery(String encounterId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                List<Map<String, Object>> open = client.toBlocking().retrieve(HttpRequest.GET("/v1/queries?status=OPEN"),
                        Argument.listOf(Argument.mapOf(String.class, Object.class)));
                Optional<Map<String, Object>> mine = open.stream().filter(q -> encounterId.equals(q.get("encounterId"))).findFirst();
                if (mine.isPresent()) {
                    return mine.get();
                }
            } catch (HttpClientResponseException e) {
                assertTrue(e.getStatus().getCode() == 503, "only 'not ready yet' is expected while starting: " + e.getStatus() + " " + e.getMessage() + " " + e.getResponse().getBody(String.class).orElse(""));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no open query for " + encounterId);
    }
}
