package io.revcycle.claims.bench;

import io.revcycle.claims.ClaimScenarios;
import io.revcycle.claims.assembly.ClaimAssembler;
import io.revcycle.claims.pricing.FeeSchedule;
import io.revcycle.claims.pricing.PayerContracts;
import io.revcycle.claims.pricing.ClaimPricer;
import io.revcycle.claims.scrub.ClaimScrubber;
import io.revcycle.claims.scrub.PayerRules;
import io.revcycle.claims.scrub.PayerRulesCatalog;
import io.revcycle.claims.state.ClaimMetrics;
import io.revcycle.claims.submission.FileDropGateway;
import io.revcycle.claims.submission.InterchangeSubmitter;
import io.revcycle.claims.topology.ClaimTopology;
import io.revcycle.claims.topology.DeadLetterHandler;
import io.revcycle.claims.x12.ClaimInterchangeWriter;
import io.revcycle.claims.x12.X12Settings;
import io.revcycle.deploy.embedded.EmbeddedStack;
import io.revcycle.events.Claim;
import io.revcycle.events.ClaimType;
import io.revcycle.events.CodedEncounter;
import io.revcycle.events.EncounterReceived;
import io.revcycle.events.SubmissionBatch;
import io.revcycle.events.SubmissionStatus;
import io.revcycle.schemas.Topics;
import io.revcycle.schemas.serde.KafkaAvroDeserializer;
import io.revcycle.schemas.serde.KafkaAvroSerializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;

import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Prints two figures from one run: claims built + scrubbed + written as 837 per second through the
 * topology on the embedded broker (exactly-once, file-drop gateway), and claims and X12 bytes per
 * second of the 837 writer alone. Arguments: claims through the topology (default 20000), claims
 * for the writer (default 100000).
 */
public final class ClaimThroughputBenchmark {

    private static final X12Settings X12 = new X12Settings("REVCYCLE01", "REVCYCLE BILLING", "EDI DESK",
            "5555550100", "CLEARHOUSE01", "ACME CLEARINGHOUSE", "T");

    /** Exactly-once commit interval; the service ships 100 ms (-Dbench.commitIntervalMs to compare). */
    private static final int COMMIT_INTERVAL_MS = Integer.getInteger("bench.commitIntervalMs", 100);

    private ClaimThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int topologyClaims = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int writerClaims = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        writerAlone(writerClaims / 5);
        writerAlone(writerClaims);
        throughTopology(topologyClaims);
        System.exit(0);
    }

    private static void writerAlone(int count) {
        Claim template = ClaimScenarios.officeVisitClaim();
        List<Claim> claims = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            claims.add(Claim.newBuilder(template).setClaimId(String.format("CBENCH%011d", i)).build());
        }
        ClaimInterchangeWriter writer = new ClaimInterchangeWriter(X12);
        CountingStream out = new CountingStream();
        long start = System.nanoTime();
        for (int from = 0; from < count; from += 500) {
            writer.write(ClaimType.PROFESSIONAL, from / 500 + 1, LocalDateTime.of(2026, 3, 20, 15, 30),
                    claims.subList(from, Math.min(count, from + 500)), out);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("837P writer alone: %d claims in %.2f s = %.0f claims/s, %.1f MB/s of X12 (%d bytes)%n",
                count, seconds, count / seconds, out.bytes / seconds / 1e6, out.bytes);
    }

    private static void throughTopology(int count) throws Exception {
        Path work = Files.createTempDirectory("claims-bench");
        try (EmbeddedStack stack = EmbeddedStack.startTemporary()) {
            Map<String, Object> serde = Map.of("schema.registry.url", stack.registryUrl());
            ClaimPricer pricer;
            try (var fees = ClaimThroughputBenchmark.class.getResourceAsStream("/pricing/fee-schedule-default.csv");
                 var contracts = ClaimThroughputBenchmark.class.getResourceAsStream("/pricing/contracts-default.csv")) {
                pricer = new ClaimPricer(Map.of(), FeeSchedule.read(new InputStreamReader(fees, StandardCharsets.UTF_8)),
                        PayerContracts.read(new InputStreamReader(contracts, StandardCharsets.UTF_8)));
            }
            PayerRulesCatalog payers = new PayerRulesCatalog(Map.of(), PayerRules.standard(365));
            ClaimTopology topology = new ClaimTopology(new ClaimAssembler(), pricer,
                    fingerprints -> ClaimScrubber.standard(payers, fingerprints),
                    new InterchangeSubmitter(new ClaimInterchangeWriter(X12), new FileDropGateway(work.resolve("outbox")),
                            Clock.systemUTC()),
                    500, Duration.ofSeconds(1), Duration.ofMillis(200), ClaimMetrics.NONE, Clock.systemUTC(), serde);
            StreamsBuilder builder = new StreamsBuilder();
            topology.build(builder);
            Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, "claims-bench");
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
            props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS);
            props.put(StreamsConfig.STATE_DIR_CONFIG, work.resolve("state").toString());
            props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
            props.put("schema.registry.url", stack.registryUrl());
            try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
                streams.start();
                produce(stack, count);
                long start = System.nanoTime();
                long submitted = awaitSubmitted(stack, count);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("through the topology (embedded broker, exactly_once_v2, commit every %d ms): %d claims "
                        + "built + scrubbed + written as 837 in %.2f s = %.0f claims/s%n", COMMIT_INTERVAL_MS, submitted,
                        seconds, submitted / seconds);
            }
        }
    }

    /** Produces distinct encounters (own id and patient, so none is a duplicate) before timing starts. */
    private static void produce(EmbeddedStack stack, int count) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put("schema.registry.url", stack.registryUrl());
        KafkaAvroSerializer values = new KafkaAvroSerializer();
        values.configure(config, false);
        CodedEncounter template = ClaimScenarios.officeVisitTwoLines();
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config, new StringSerializer(), values)) {
            for (int i = 0; i < count; i++) {
                String id = "ENC-BENCH-" + i;
                CodedEncounter coded = CodedEncounter.newBuilder(ClaimScenarios.withEncounterId(template, id))
                        .setEncounter(EncounterReceived.newBuilder(template.getEncounter()).setEncounterId(id)
                                .setPatientId("MRN-B" + i).build())
                        .build();
                producer.send(new ProducerRecord<>(Topics.ENCOUNTERS_CODED.name(), id, coded));
            }
            producer.flush();
        }
    }

    private static long awaitSubmitted(EmbeddedStack stack, int count) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "claims-bench-reader");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put("schema.registry.url", stack.registryUrl());
        config.put("specific.avro.reader", true);
        KafkaAvroDeserializer values = new KafkaAvroDeserializer();
        values.configure(config, false);
        long submitted = 0;
        long deadline = System.currentTimeMillis() + 600_000;
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            consumer.subscribe(List.of(Topics.CLAIM_SUBMISSIONS.name()));
            while (submitted < count && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    SubmissionBatch batch = (SubmissionBatch) record.value();
                    if (batch.getStatus() == SubmissionStatus.SUBMITTED) {
                        submitted += batch.getClaimIds().size();
                    }
                }
            }
        }
        return submitted;
    }

    /** Counts bytes and throws them away, so the writer figure is not a disk figure. */
    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
