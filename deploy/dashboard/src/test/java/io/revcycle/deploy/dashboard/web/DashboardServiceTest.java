package io.revcycle.deploy.dashboard.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.revcycle.deploy.dashboard.PipelineEvents;
import io.revcycle.deploy.embedded.EmbeddedKafkaExtension;
import io.revcycle.events.ClaimState;
import io.revcycle.events.DenialCategory;
import io.revcycle.events.PostingType;
import io.revcycle.events.QueryStatus;
import io.revcycle.schemas.Topic;
import io.revcycle.schemas.Topics;
import io.revcycle.schemas.serde.AvroSerdeConfig;
import io.revcycle.schemas.serde.KafkaAvroSerializer;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.revcycle.events.AcknowledgmentKind.CLAIM_277CA;
import static io.revcycle.events.AcknowledgmentKind.IMPLEMENTATION_999;
import static io.revcycle.events.AcknowledgmentResult.ACCEPTED;
import static io.revcycle.events.AcknowledgmentResult.REJECTED;
import static io.revcycle.events.ClaimState.CREATED;
import static io.revcycle.events.ClaimState.DENIED;
import static io.revcycle.events.ClaimState.PAID;
import static io.revcycle.events.ClaimState.PARTIALLY_PAID;
import static io.revcycle.events.ClaimState.READY;
import static io.revcycle.events.ClaimState.SCRUB_FAILED;
import static io.revcycle.events.ClaimState.SUBMITTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard on the embedded broker and registry: a known set of pipeline events written to the
 * real topics shows up in {@code /api/summary} with exact figures, and the page, loaded in headless
 * Chromium, shows the same figures.
 *
 * <p>The scenario: seven encounters, six coded; six claims — paid (MEDICARE), partly paid (ACME),
 * denied for eligibility (ACME), submitted after a scrub failure and unpaid for 37 days (MEDICARE),
 * stuck in scrub failure (MEDICARE), rejected by the payer (ACME).
 */
@ExtendWith(EmbeddedKafkaExtension.class)
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardServiceTest implements TestPropertyProvider {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final long DAY = 86_400L;
    private static final int EVENTS = 37;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    private final PipelineEvents events = new PipelineEvents();

    @Override
    public Map<String, String> getProperties() {
        // Nothing listens there: the services panel must say so rather than find a stray local service.
        return Map.of(
                "dashboard.services.encounter-ingest", "http://127.0.0.1:9",
                "dashboard.services.coding-service", "http://127.0.0.1:9",
                "dashboard.services.claim-builder", "http://127.0.0.1:9",
                "dashboard.services.payment-posting", "http://127.0.0.1:9",
                "dashboard.sample-interval", "500ms");
    }

    @BeforeAll
    void produceTheScenario() throws Exception {
        Instant now = Instant.now();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        KafkaAvroSerializer avro = new KafkaAvroSerializer();
        avro.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, EmbeddedKafkaExtension.stack().registryUrl()), false);
        for (int i = 1; i <= 7; i++) {
            add(records, avro, Topics.ENCOUNTERS, "E" + i, events.encounter("E" + i));
            if (i <= 6) {
                add(records, avro, Topics.ENCOUNTERS_CODED, "E" + i, events.coded("E" + i));
            }
        }
        add(records, avro, Topics.CODING_QUERIES, "E7", events.query("Q1", QueryStatus.OPEN));
        add(records, avro, Topics.CODING_QUERIES, "E6", events.query("Q2", QueryStatus.OPEN));
        add(records, avro, Topics.CODING_QUERIES, "E6", events.query("Q2", QueryStatus.ANSWERED));
        add(records, avro, Topics.ENCOUNTERS_REJECTED, "R1", events.rejected());
        add(records, avro, Topics.ENCOUNTERS_REJECTED, "R2", events.rejected());

        // Histories advance one day per state from their start: SUBMITTED is day 2 (day 3 for C-WAIT).
        claim(records, avro, "C-PAID", "MEDICARE", "0.00", now.minusSeconds(20 * DAY), CREATED, READY, SUBMITTED, ClaimState.ACCEPTED, PAID);
        claim(records, avro, "C-PART", "ACME", "40.00", now.minusSeconds(50 * DAY), CREATED, READY, SUBMITTED, ClaimState.ACCEPTED, PARTIALLY_PAID);
        claim(records, avro, "C-DENIED", "ACME", "250.50", now.minusSeconds(100 * DAY), CREATED, READY, SUBMITTED, ClaimState.ACCEPTED, DENIED);
        claim(records, avro, "C-WAIT", "MEDICARE", "99.99", now.minusSeconds(40 * DAY), CREATED, SCRUB_FAILED, READY, SUBMITTED);
        claim(records, avro, "C-FAIL", "MEDICARE", "120.00", now.minusSeconds(3 * DAY), CREATED, SCRUB_FAILED);
        claim(records, avro, "C-REJ", "ACME", "75.00", now.minusSeconds(5 * DAY), CREATED, READY, SUBMITTED, ClaimState.REJECTED);

        add(records, avro, Topics.CLAIM_ACKS, "C-PAID", events.ack("C-PAID", CLAIM_277CA, ACCEPTED, now.minusSeconds(17 * DAY)));
        add(records, avro, Topics.CLAIM_ACKS, "C-PART", events.ack("C-PART", CLAIM_277CA, ACCEPTED, now.minusSeconds(47 * DAY)));
        add(records, avro, Topics.CLAIM_ACKS, "C-DENIED", events.ack("C-DENIED", CLAIM_277CA, REJECTED, now.minusSeconds(97 * DAY)));
        add(records, avro, Topics.CLAIM_ACKS, "C-DENIED", events.ack("C-DENIED", CLAIM_277CA, ACCEPTED, now.minusSeconds(90 * DAY)));
        add(records, avro, Topics.CLAIM_ACKS, "C-REJ", events.ack("C-REJ", CLAIM_277CA, REJECTED, now.minusSeconds(2 * DAY)));
        add(records, avro, Topics.CLAIM_ACKS, "C-WAIT", events.ack("C-WAIT", IMPLEMENTATION_999, ACCEPTED, now.minusSeconds(36 * DAY)));

        // paid 10 and 20 days after submission
        add(records, avro, Topics.PAYMENTS, "C-PAID", events.payment("C-PAID", "MEDICARE", PostingType.PAYMENT, "120.00", now.minusSeconds(8 * DAY)));
        add(records, avro, Topics.PAYMENTS, "C-PART", events.payment("C-PART", "ACME", PostingType.PAYMENT, "60.00", now.minusSeconds(28 * DAY)));
        add(records, avro, Topics.DENIALS, "C-DENIED", events.denial("D1", "C-DENIED", "ACME", DenialCategory.ELIGIBILITY, "250.50", now.minusSeconds(60 * DAY)));

        add(records, avro, Topics.REMITTANCE_EXCEPTIONS, "f1", events.exception("X1", false));
        add(records, avro, Topics.CLAIM_ACK_EXCEPTIONS, "f2", events.exception("X2", false));
        add(records, avro, Topics.CLAIM_ACK_EXCEPTIONS, "f2", events.exception("X2", true));
        records.add(new ProducerRecord<>(Topics.CLAIMS_DEAD_LETTERS.name(), "k", "not avro".getBytes(StandardCharsets.UTF_8)));
        assertEquals(EVENTS, records.size());

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafkaExtension.stack().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(record).get();
            }
        }
    }

    @Test
    void theSummaryShowsExactFiguresOfTheEventsOnTheTopics() throws Exception {
        JsonNode summary = summaryOnceAllRead();
        JsonNode kpis = summary.get("kpis");

        JsonNode funnel = kpis.get("funnel");
        assertEquals(List.of(7, 6, 6, 5, 3, 2, 1), List.of(funnel.get("encounters").asInt(), funnel.get("coded").asInt(),
                funnel.get("claims").asInt(), funnel.get("submitted").asInt(), funnel.get("accepted").asInt(),
                funnel.get("paid").asInt(), funnel.get("denied").asInt()));

        JsonNode stuck = kpis.get("stuckWork");
        assertEquals(1, stuck.get("openCodingQueries").asInt());
        assertEquals(1, stuck.get("scrubFailures").asInt());
        assertEquals(1, stuck.get("rejectedClaims").asInt());
        assertEquals(2, stuck.get("rejectedEncounters").asInt());
        assertEquals(1, stuck.get("openDenials").asInt());
        assertEquals(1, stuck.get("unpaidPastThreshold").asInt());

        assertRatio(kpis.get("cleanClaimRate"), 4, 6, "0.6667");
        assertRatio(kpis.get("firstPassAcceptance"), 2, 4, "0.5000");
        assertRatio(kpis.get("denials").get("overall"), 1, 3, "0.3333");
        JsonNode byPayer = kpis.get("denials").get("byPayer");
        assertEquals("ACME", byPayer.get(0).get("payerId").asText());
        assertRatio(byPayer.get(0).get("rate"), 1, 2, "0.5000");
        assertEquals(new BigDecimal("250.50"), byPayer.get(0).get("deniedAmount").decimalValue());
        assertRatio(byPayer.get(1).get("rate"), 0, 1, "0.0000");
        JsonNode category = kpis.get("denials").get("byCategory").get(0);
        assertEquals("ELIGIBILITY", category.get("category").asText());
        assertRatio(category.get("rate"), 1, 3, "0.3333");

        JsonNode days = kpis.get("daysToPayment");
        assertEquals(2, days.get("claimsPaid").asInt());
        assertEquals(new BigDecimal("15.0"), days.get("averageDays").decimalValue());
        assertEquals(new BigDecimal("15.0"), days.get("medianDays").decimalValue());

        JsonNode aging = kpis.get("receivablesAging");
        assertEquals(amounts("0.00", "40.00", "0.00", "250.50", "0.00"), amounts(aging.get("byPayer").get(0).get("amounts")));
        assertEquals(amounts("0.00", "99.99", "0.00", "0.00", "0.00"), amounts(aging.get("byPayer").get(1).get("amounts")));
        assertEquals(new BigDecimal("390.49"), aging.get("total").get("total").decimalValue());

        Map<String, String> queues = new TreeMap<>();
        kpis.get("exceptionQueues").forEach(q -> queues.put(q.get("topic").asText(),
                q.get("records").asInt() + "/" + q.get("open").asInt()));
        assertEquals(Map.of(
                Topics.CLAIM_ACK_EXCEPTIONS.name(), "1/0",
                Topics.REMITTANCE_EXCEPTIONS.name(), "1/1",
                Topics.CODING_DEAD_LETTERS.name(), "0/0",
                Topics.CLAIMS_DEAD_LETTERS.name(), "1/1",
                Topics.PAYMENTS_DEAD_LETTERS.name(), "0/0"), queues);

        summary.get("services").forEach(s -> assertEquals("UNREACHABLE", s.get("state").asText()));
    }

    @Test
    void theClusterPanelShowsEveryCatalogueTopicWithItsEndOffset() throws Exception {
        summaryOnceAllRead();
        JsonNode cluster = waitFor(s -> {
            JsonNode c = s.get("cluster");
            // the cluster is sampled every few seconds: wait for a sample taken after the last write
            return c.get("reachable").asBoolean() && endOffset(c, Topics.ENCOUNTERS.name()) == 7
                    && endOffset(c, Topics.CLAIMS.name()) == 6 && endOffset(c, Topics.CLAIMS_DEAD_LETTERS.name()) == 1;
        }).get("cluster");

        assertEquals(Topics.ALL.size(), cluster.get("topics").size());
        assertEquals(7, endOffset(cluster, Topics.ENCOUNTERS.name()));
        assertEquals(6, endOffset(cluster, Topics.CLAIMS.name()));
        assertEquals(1, endOffset(cluster, Topics.CLAIMS_DEAD_LETTERS.name()));
    }

    @Test
    void theLagPanelListsTheGroupsFoundOnTheClusterWithTheirLagByTopic() throws Exception {
        summaryOnceAllRead();
        // The only group on this cluster is the dashboard's own, which commits what it has read.
        JsonNode own = ownGroup(waitFor(s -> ownGroup(s) != null && ownGroup(s).get("totalLag").asLong() == 0));

        Set<String> topics = new TreeSet<>();
        own.get("topics").forEach(t -> topics.add(t.get("topic").asText()));
        Set<String> read = new TreeSet<>();
        Topics.ALL.stream().map(Topic::name).forEach(read::add);
        read.removeAll(List.of(Topics.CODING_ANSWERS.name(), Topics.CLAIM_SUBMISSIONS.name(),
                Topics.REMITTANCES.name(), Topics.PROVIDER_ADJUSTMENTS.name()));
        assertEquals(read, topics);
        assertEquals("CLASSIC", own.get("type").asText());
    }

    private static JsonNode ownGroup(JsonNode summary) {
        for (JsonNode g : summary.get("cluster").get("groups")) {
            if (g.get("groupId").asText().equals("revcycle-dashboard")) {
                return g;
            }
        }
        return null;
    }

    @Test
    void thePageShowsTheSameFiguresInHeadlessChromium() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed");
        summaryOnceAllRead();
        waitFor(s -> endOffset(s.get("cluster"), Topics.ENCOUNTERS.name()) == 7);

        String dom = dumpDom("http://localhost:" + server.getPort() + "/");

        assertFigure(dom, "funnel.encounters", "7", "7");
        assertFigure(dom, "funnel.submitted", "5", "5");
        assertFigure(dom, "funnel.paid", "2", "2");
        assertFigure(dom, "funnel.denied", "1", "1");
        assertFigure(dom, "cleanClaimRate", "0.6667", "66.7%");
        assertFigure(dom, "firstPassAcceptance", "0.5000", "50.0%");
        assertFigure(dom, "denialRate", "0.3333", "33.3%");
        assertFigure(dom, "daysToPayment.average", "15.0", "15.0 d");
        assertFigure(dom, "stuck.openCodingQueries", "1", "1");
        assertFigure(dom, "stuck.unpaidPastThreshold", "1", "1");
        assertFigure(dom, "denials.payer.ACME.rate", "0.5000", "50.0%");
        assertFigure(dom, "denials.category.ELIGIBILITY.amount", "250.50", "$250.50");
        assertFigure(dom, "aging.ACME.91-120", "250.50", "$250.50");
        assertFigure(dom, "aging.ALL.total", "390.49", "$390.49");
        assertFigure(dom, "queue." + Topics.CLAIMS_DEAD_LETTERS.name() + ".records", "1", "1");
        assertFigure(dom, "topic." + Topics.ENCOUNTERS.name() + ".endOffset", "7", "7");
        assertFigure(dom, "service.claim-builder", "UNREACHABLE", "UNREACHABLE");
        assertTrue(dom.contains("<svg"), "the charts are drawn");
    }

    private static void claim(List<ProducerRecord<String, byte[]>> records, KafkaAvroSerializer avro, String id, String payer,
                              String balance, Instant start, ClaimState... states) {
        add(records, avro, Topics.CLAIMS, id, new PipelineEvents().claim(id, payer, balance, start, states));
    }

    private static void add(List<ProducerRecord<String, byte[]>> records, KafkaAvroSerializer avro, Topic<String, ?> topic,
                            String key, Object value) {
        records.add(new ProducerRecord<>(topic.name(), key, avro.serialize(topic.name(), value)));
    }

    private JsonNode summary() throws IOException {
        return JSON.readTree(client.toBlocking().retrieve("/api/summary"));
    }

    private JsonNode summaryOnceAllRead() throws Exception {
        return waitFor(s -> s.get("kpis").get("eventsRead").asInt() >= EVENTS);
    }

    private JsonNode waitFor(Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        JsonNode last = summary();
        while (!condition.test(last)) {
            assertTrue(System.nanoTime() < deadline, "the dashboard never showed the events: " + last);
            Thread.sleep(200);
            last = summary();
        }
        return last;
    }

    private static long endOffset(JsonNode cluster, String topic) {
        for (JsonNode t : cluster.get("topics")) {
            if (t.get("topic").asText().equals(topic)) {
                return t.get("endOffset").asLong();
            }
        }
        return -1;
    }

    private static void assertRatio(JsonNode ratio, long numerator, long denominator, String value) {
        assertEquals(numerator, ratio.get("numerator").asLong());
        assertEquals(denominator, ratio.get("denominator").asLong());
        assertEquals(new BigDecimal(value), ratio.get("value").decimalValue());
    }

    private static List<BigDecimal> amounts(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }

    private static List<BigDecimal> amounts(JsonNode array) {
        List<BigDecimal> list = new ArrayList<>();
        array.forEach(n -> list.add(n.decimalValue()));
        return list;
    }

    /** The element carrying {@code data-kpi} holds the raw figure and shows it formatted. */
    private static void assertFigure(String dom, String kpi, String value, String shown) {
        Matcher tag = Pattern.compile("<(\\w+)([^>]*\\sdata-kpi=\"" + Pattern.quote(kpi) + "\"[^>]*)>([^<]*)<").matcher(dom);
        assertTrue(tag.find(), "no element shows " + kpi);
        Matcher raw = Pattern.compile("data-value=\"([^\"]*)\"").matcher(tag.group(2));
        assertTrue(raw.find(), kpi + " carries no raw value");
        assertEquals(value, raw.group(1), kpi);
        assertEquals(shown, tag.group(3).trim(), kpi);
    }

    private static String dumpDom(String url) throws Exception {
        Path profile = Files.createTempDirectory("dashboard-chromium");
        Path out = Files.createTempFile("dashboard-dom", ".html");
        Path err = Files.createTempFile("dashboard-chromium", ".log");
        Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=8000", "--dump-dom", url)
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertTrue(chromium.waitFor(120, TimeUnit.SECONDS), "Chromium did not finish");
            assertEquals(0, chromium.exitValue(), () -> "Chromium failed: " + read(err));
            return read(out);
        } finally {
            chromium.destroyForcibly();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
