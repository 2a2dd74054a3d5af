package io.revcycle.payments;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.revcycle.deploy.embedded.EmbeddedKafkaExtension;
import io.revcycle.events.Claim;
import io.revcycle.events.ClaimState;
import io.revcycle.events.Denial;
import io.revcycle.events.DenialCategory;
import io.revcycle.events.PaymentPosted;
import io.revcycle.payments.era.Fixtures;
import io.revcycle.payments.intake.IntakeReport;
import io.revcycle.payments.posting.TestClaims;
import io.revcycle.schemas.Topics;
import io.revcycle.schemas.serde.KafkaAvroDeserializer;
import io.revcycle.schemas.serde.KafkaAvroSerializer;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service on the embedded broker and registry: 835 files dropped in the inbox become payment and
 * denial events, the file is moved to processed/, and receivables answer over HTTP.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemittanceToPaymentTest implements TestPropertyProvider {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final Path inbox = temporaryDirectory("inbox");

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "payments.intake.inbox", inbox.toString(),
                "payments.intake.poll-interval", "200ms",
                "payments.posting.pseudonym-secret", TestClaims.SECRET,
                "kafka.streams.default.state.dir", temporaryDirectory("streams").toString());
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory("payment-posting-" + prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> clientConfig() {
        return Map.of("bootstrap.servers", EmbeddedKafkaExtension.stack().bootstrapServers(),
                "schema.registry.url", EmbeddedKafkaExtension.stack().registryUrl());
    }

    @BeforeAll
    void seedClaimsAsClaimBuilderWould() {
        KafkaAvroSerializer values = new KafkaAvroSerializer();
        values.configure(clientConfig(), false);
        @SuppressWarnings({"unchecked", "rawtypes"})
        KafkaProducer<String, Object> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafkaExtension.stack().bootstrapServers()),
                new StringSerializer(), (org.apache.kafka.common.serialization.Serializer) values);
        try (producer) {
            for (Claim claim : TestClaims.forFixtures()) {
                producer.send(new ProducerRecord<>(Topics.CLAIMS.name(), claim.getClaimId(), claim));
            }
            producer.flush();
        }
    }

    private void drop(String fixture) throws IOException {
        // written under a dot name, then renamed, so the poller never reads half a file
        Path partial = inbox.resolve("." + fixture + ".edi");
        Files.write(partial, Fixtures.bytes(fixture));
        Files.move(partial, inbox.resolve(fixture + ".edi"), StandardCopyOption.ATOMIC_MOVE);
    }

    private static <V> V await(String topic, String key, Predicate<V> wanted) {
        KafkaAvroDeserializer values = new KafkaAvroDeserializer();
        values.configure(Map.of("schema.registry.url", EmbeddedKafkaExtension.stack().registryUrl(),
                "specific.avro.reader", true), false);
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafkaExtension.stack().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), values)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + PATIENCE.toMillis();
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(500))) {
                    @SuppressWarnings("unchecked")
                    V value = (V) record.value();
                    if (key.equals(record.key()) && wanted.test(value)) {
                        return value;
                    }
                }
            }
        }
        throw new AssertionError("no matching record for " + key + " on " + topic);
    }

    @Test
    void droppedEraBecomesPaymentAndDenialEventsAndTheFileIsKept() throws Exception {
        drop("paid-in-full-co45");
        drop("denial-with-remark-code");

        PaymentPosted paid = await(Topics.PAYMENTS.name(), "C1001", v -> true);
        assertEquals(new BigDecimal("160.00"), paid.getPaidAmount());
        assertEquals(new BigDecimal("40.00"), paid.getContractualAdjustment());
        assertEquals(ClaimState.PAID, paid.getClaimState());
        Denial denial = await(Topics.DENIALS.name(), "C1003", v -> true);
        assertEquals(DenialCategory.AUTHORIZATION, denial.getCategory());
        assertEquals(new BigDecimal("300.00"), denial.getDeniedAmount());
        PaymentPosted denied = await(Topics.PAYMENTS.name(), "C1003", v -> true);
        assertEquals(ClaimState.DENIED, denied.getClaimState());

        assertTrue(awaitFile(inbox.resolve("processed/paid-in-full-co45.edi")));
        assertFalse(Files.exists(inbox.resolve("paid-in-full-co45.edi")));

        Map<String, Object> balance = awaitJson("/v1/claims/C1001/balance");
        assertEquals("PAID", balance.get("state"));
        assertEquals(0, new BigDecimal(balance.get("outstanding").toString()).signum());
    }

    @Test
    void sameEraDroppedTwiceIsPostedOnceAndBothFilesAreKept() throws Exception {
        drop("duplicate-era");
        assertTrue(awaitFile(inbox.resolve("processed/duplicate-era.edi")));
        drop("duplicate-era");
        assertTrue(awaitFile(inbox.resolve("processed/duplicate-era.edi.2")));

        List<Map<String, Object>> duplicates = awaitQueue("DUPLICATE", "duplicate-era.edi");
        assertEquals("C1008", duplicates.get(0).get("claimId"));
        Map<String, Object> balance = awaitJson("/v1/claims/C1008/balance");
        assertEquals("ACME01:EFT1008/C1008/1", balance.get("lastPostingId"));
        assertEquals(0, new BigDecimal("90.00").compareTo(new BigDecimal(balance.get("paid").toString())));
    }

    @Test
    void unreadableFileIsMovedToFailedQueuedAndCanBeResolved() throws Exception {
        drop("wrong-se-count");

        assertTrue(awaitFile(inbox.resolve("failed/wrong-se-count.edi")));
        List<Map<String, Object>> queue = awaitQueue("PARSE_ERROR", "wrong-se-count.edi");
        assertEquals("SE", queue.get(0).get("segmentId"));
        assertEquals("failed/wrong-se-count.edi", queue.get(0).get("movedTo"));

        String id = queue.get(0).get("exceptionId").toString();
        HttpResponse<Map<String, Object>> resolved = client.toBlocking().exchange(
                HttpRequest.POST("/v1/exceptions/" + id + "/resolve", ""), Argument.mapOf(String.class, Object.class));
        assertEquals(200, resolved.code());
        assertTrue(awaitGone(id), "a resolved exception leaves the queue");
    }

    private boolean awaitGone(String exceptionId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + PATIENCE.toMillis();
        while (System.currentTimeMillis() < deadline) {
            List<Map<String, Object>> queue = client.toBlocking().retrieve(HttpRequest.GET("/v1/exceptions"),
                    Argument.listOf(Argument.mapOf(String.class, Object.class)));
            if (queue.stream().noneMatch(e -> exceptionId.equals(e.get("exceptionId")))) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    @Test
    void uploadThatDoesNotBalanceIsRefusedWithTheFigures() {
        HttpClientResponseException refused = null;
        try {
            client.toBlocking().exchange(HttpRequest.POST("/v1/remittances?name=unbalanced-upload.edi",
                    Fixtures.bytes("unbalanced-claim")).contentType(MediaType.TEXT_PLAIN_TYPE), IntakeReport.class);
        } catch (HttpClientResponseException e) {
            refused = e;
        }
        assertNotNull(refused, "an unbalanced remittance is not accepted");
        assertEquals(422, refused.getStatus().getCode());
        IntakeReport report = refused.getResponse().getBody(IntakeReport.class).orElseThrow();
        assertFalse(report.claims().get(0).sentForPosting());
        assertEquals("UNBALANCED_CLAIM", report.exceptions().get(0).kind());
        assertEquals("10.00", report.exceptions().get(0).figures().get("difference"));
    }

    @Test
    void uploadThatBalancesIsAcceptedPerClaimAndItsDepositReconciles() throws InterruptedException {
        HttpResponse<IntakeReport> accepted = client.toBlocking().exchange(
                HttpRequest.POST("/v1/remittances", Fixtures.bytes("two-st-plb-interest-and-recoupment"))
                        .contentType(MediaType.TEXT_PLAIN_TYPE), IntakeReport.class);

        assertEquals(202, accepted.code());
        IntakeReport report = accepted.body();
        assertEquals(List.of("C1004", "C1005"), report.claims().stream().map(IntakeReport.ClaimSummary::claimId).toList());
        assertEquals(3, report.providerAdjustments());
        PaymentPosted second = await(Topics.PAYMENTS.name(), "C1005", v -> true);
        assertEquals(new BigDecimal("300.00"), second.getPaidAmount());

        Map<String, Object> deposit = awaitDeposit("ACME01:EFT1006");
        assertEquals(0, new BigDecimal("215.00").compareTo(new BigDecimal(deposit.get("depositAmount").toString())));
        assertEquals(0, new BigDecimal("85.00").compareTo(new BigDecimal(deposit.get("providerAdjustments").toString())));
    }

    @Test
    void agingListsOpenClaimsByPayer() throws InterruptedException {
        List<Map<String, Object>> aging = List.of();
        long deadline = System.currentTimeMillis() + PATIENCE.toMillis();
        while (aging.isEmpty() && System.currentTimeMillis() < deadline) {
            try {
                aging = client.toBlocking().retrieve(HttpRequest.GET("/v1/receivables/aging?asOf=2026-11-20"),
                        Argument.listOf(Argument.mapOf(String.class, Object.class)));
            } catch (HttpClientResponseException e) {
                // stores not ready yet
            }
            Thread.sleep(200);
        }
        assertFalse(aging.isEmpty(), "the seeded claims are open receivables");
        assertEquals("ACME01", aging.get(0).get("payerId"));
        @SuppressWarnings("unchecked")
        Map<String, Object> buckets = (Map<String, Object>) aging.get(0).get("buckets");
        assertEquals(List.of("0-30", "31-60", "61-90", "91-120", "120+"), List.copyOf(buckets.keySet()));
    }

    private Map<String, Object> awaitDeposit(String remittanceId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + PATIENCE.toMillis();
        while (System.currentTimeMillis() < deadline) {
            try {
                for (Map<String, Object> deposit : client.toBlocking().retrieve(HttpRequest.GET("/v1/deposits"),
                        Argument.listOf(Argument.mapOf(String.class, Object.class)))) {
                    if (remittanceId.equals(deposit.get("remittanceId")) && Boolean.TRUE.equals(deposit.get("reconciled"))) {
                        return deposit;
                    }
                }
            } catch (HttpClientResponseException e) {
                // stores not ready yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("deposit " + remittanceId + " never reconciled");
    }

    @Test
    void unreadableRecordGoesToTheDeadLetterTopicWithProvenance() {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafkaExtension.stack().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.REMITTANCES.name(), "C1001", "not avro".getBytes(StandardCharsets.UTF_8)));
            producer.flush();
        }
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafkaExtension.stack().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.PAYMENTS_DEAD_LETTERS.name()));
            long deadline = System.currentTimeMillis() + PATIENCE.toMillis();
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if ("not avro".equals(new String(record.value(), StandardCharsets.UTF_8))) {
                        assertEquals(Topics.REMITTANCES.name(), new String(
                                record.headers().lastHeader("__streams.errors.topic").value(), StandardCharsets.UTF_8));
                        assertNotNull(record.headers().lastHeader("__streams.errors.partition"));
                        assertNotNull(record.headers().lastHeader("__streams.errors.offset"));
                        assertNotNull(record.headers().lastHeader("__streams.errors.exception"));
                        return;
                    }
                }
            }
        }
        throw new AssertionError("the unreadable record never reached the dead-letter topic");
    }

    private static boolean awaitFile(Path file) throws InterruptedException {
        long deadline = System.currentTimeMillis() + PATIENCE.toMillis();
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(file)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private Map<String, Object> awaitJson(String path) throws InterruptedException {
        long deadline = System.currentTimeMillis() + PATIENCE.toMillis();
        Map<String, Object> last = Map.of();
        while (System.currentTimeMillis() < deadline) {
            try {
                last = client.toBlocking().retrieve(HttpRequest.GET(path), Argument.mapOf(String.class, Object.class));
                if (!"SUBMITTED".equals(last.get("state"))) {
                    return last;
                }
            } catch (HttpClientResponseException e) {
                // not yet queryable or not yet known: the stream is still catching up
            }
            Thread.sleep(200);
        }
        return last;
    }

    private List<Map<String, Object>> awaitQueue(String kind, String sourceFile) throws InterruptedException {
        long deadline = System.currentTimeMillis() + PATIENCE.toMillis();
        while (System.currentTimeMillis() < deadline) {
            try {
                List<Map<String, Object>> queue = new ArrayList<>(client.toBlocking().retrieve(
                        HttpRequest.GET("/v1/exceptions?kind=" + kind), Argument.listOf(Argument.mapOf(String.class, Object.class))));
                queue.removeIf(e -> !sourceFile.equals(e.get("sourceFile")));
                if (!queue.isEmpty()) {
                    return queue;
                }
            } catch (HttpClientResponseException e) {
                // stores not ready yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + kind + " for " + sourceFile + " in the exception queue");
    }
}
