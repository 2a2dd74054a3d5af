package io.revcycle.claims;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.revcycle.claims.assembly.ClaimIds;
import io.revcycle.claims.x12.ClaimInterchangeValidator;
import io.revcycle.claims.x12.Segment;
import io.revcycle.claims.x12.X12Reader;
import io.revcycle.deploy.embedded.EmbeddedKafkaExtension;
import io.revcycle.events.CodedEncounter;
import io.revcycle.events.ExceptionKind;
import io.revcycle.events.ProcessingException;
import io.revcycle.schemas.Topics;
import io.revcycle.schemas.serde.KafkaAvroDeserializer;
import io.revcycle.schemas.serde.KafkaAvroSerializer;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service on the embedded broker and registry: a coded encounter becomes an 837P file in the
 * outbox, the claim is SUBMITTED, and a 277CA dropped in the inbox makes it ACCEPTED.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClaimPipelineServiceTest implements TestPropertyProvider {

    private static final Path WORK = createWorkDir();

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("claims.submission.outbox", WORK.resolve("outbox").toString());
        properties.put("claims.submission.max-wait", "1s");
        properties.put("claims.submission.check-every", "200ms");
        properties.put("claims.acks.inbox", WORK.resolve("inbox").toString());
        properties.put("claims.acks.poll-interval", "300ms");
        properties.put("kafka.streams.default.state.dir", WORK.resolve("state").toString());
        return properties;
    }

    @Test
    void codedEncounterBecomesAnOutboxFileAndAnAcceptedClaimAfterA277ca() throws Exception {
        CodedEncounter visit = ClaimScenarios.officeVisitTwoLines();
        String claimId = ClaimIds.of(visit.getEncounterId(), "MEDICARE");
        produce(visit);

        Path file = await("an 837 file in the outbox", () -> listing(WORK.resolve("outbox")).stream()
                .filter(p -> p.getFileName().toString().endsWith(".x12")).findFirst());
        List<Segment> segments = new X12Reader().read(Files.readAllBytes(file));
        assertEquals(List.of(), new ClaimInterchangeValidator().validate(segments));
        assertTrue(segments.stream().anyMatch(s -> s.tag().equals("CLM") && s.element(1).equals(claimId)));
        await("claim SUBMITTED", () -> state(claimId).filter("SUBMITTED"::equals));

        Path inbox = WORK.resolve("inbox");
        Files.write(inbox.resolve(".277ca.tmp"), fixture("/acks/277ca-accepted.edi"));
        Files.move(inbox.resolve(".277ca.tmp"), inbox.resolve("277ca-accepted.edi"));

        await("claim ACCEPTED", () -> state(claimId).filter("ACCEPTED"::equals));
        await("the 277CA moved to processed/", () -> Optional.of(inbox.resolve("processed/277ca-accepted.edi"))
                .filter(Files::exists));
        String body = client.toBlocking().retrieve("/v1/claims/" + claimId);
        assertTrue(body.contains("MCR2026080000123"), "payer claim number recorded: " + body);
        assertTrue(body.contains("\"CREATED\"") && body.contains("\"READY\"") && body.contains("\"SUBMITTED\""), body);
        String accepted = client.toBlocking().retrieve("/v1/claims?state=ACCEPTED&payer=MEDICARE");
        assertTrue(accepted.contains(claimId), accepted);
    }

    @Test
    void malformedAcknowledgmentIsAnsweredWithTheSegmentAndElementAtFault() throws Exception {
        byte[] malformed = fixture("/acks/999-malformed-bad-se-count.edi");
        HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.POST("/v1/acknowledgments", malformed)
                        .contentType(MediaType.TEXT_PLAIN_TYPE), String.class));

        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        String problem = e.getResponse().getBody(String.class).orElse("");
        assertTrue(problem.contains("\"segmentId\":\"SE\"") && problem.contains("\"segmentPosition\":8"), problem);
    }

    @Test
    void acknowledgmentNamingAnUnknownClaimIsRefusedAndFiledAside() throws Exception {
        Path inbox = Files.createDirectories(WORK.resolve("inbox"));
        Files.write(inbox.resolve("277ca-unknown-claim.edi"), fixture("/acks/277ca-unknown-claim.edi"));

        await("the unknown-claim 277CA moved to failed/", () -> Optional.of(inbox.resolve("failed/277ca-unknown-claim.edi"))
                .filter(Files::exists));
        ProcessingException failure = await("the exception event", () -> exceptions().stream()
                .filter(e -> "CNEVERSENT0000000".equals(e.getClaimId())).findFirst());
        assertEquals(ExceptionKind.UNKNOWN_CLAIM, failure.getKind());
        assertEquals("failed/277ca-unknown-claim.edi", failure.getMovedTo());
        assertEquals("277ca-unknown-claim.edi", failure.getSourceFile());
    }

    private static List<ProcessingException> exceptions() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafkaExtension.stack().bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "claim-pipeline-test-" + System.nanoTime());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put("schema.registry.url", EmbeddedKafkaExtension.stack().registryUrl());
        config.put("specific.avro.reader", true);
        KafkaAvroDeserializer values = new KafkaAvroDeserializer();
        values.configure(config, false);
        List<ProcessingException> found = new java.util.ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            consumer.subscribe(List.of(Topics.CLAIM_ACK_EXCEPTIONS.name()));
            consumer.poll(Duration.ofSeconds(2)).forEach(r -> found.add((ProcessingException) r.value()));
        }
        return found;
    }

    private Optional<String> state(String claimId) {
        try {
            String body = client.toBlocking().retrieve("/v1/claims/" + claimId);
            int at = body.indexOf("\"state\":\"");
            return Optional.of(body.substring(at + 9, body.indexOf('"', at + 9)));
        } catch (HttpClientResponseException e) {
            return Optional.empty();
        }
    }

    private static void produce(CodedEncounter encounter) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafkaExtension.stack().bootstrapServers());
        config.put("schema.registry.url", EmbeddedKafkaExtension.stack().registryUrl());
        KafkaAvroSerializer values = new KafkaAvroSerializer();
        values.configure(config, false);
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config, new StringSerializer(), values)) {
            producer.send(new ProducerRecord<>(Topics.ENCOUNTERS_CODED.name(), encounter.getEncounterId(), encounter));
            producer.flush();
        }
    }

    private static List<Path> listing(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = ClaimPipelineServiceTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).getBytes(StandardCharsets.US_ASCII);
        }
    }

    private static <T> T await(String what, java.util.function.Supplier<Optional<T>> probe) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not within 90 s: " + what);
    }

    private static Path createWorkDir() {
        try {
            return Files.createTempDirectory("claim-pipeline-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
