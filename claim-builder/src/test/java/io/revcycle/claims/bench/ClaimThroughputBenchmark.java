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
import io.revcycle.claims.submission.InterchangeJournal;
import io.revcycle.claims.submission.InterchangeSubmitter;
import io.revcycle.claims.topology.ClaimTopology;
import io.revcycle.claims.topology.DeadLetterHandler;
import io.revcycle.claims.x12.ClaimInterchangeWriter;
import io.revcycle.claims.x12.X12Settings;
import io.revcycle.deploy.embedded.EmbeddedStack;
import io.revcycle.events.Claim;
import io.revcycle.events.ClaimState;
import io.revcycle.events.ClaimType;
import io.revcycle.events.CodedEncounter;
import io.revcycle.events.EncounterReceived;
import io.revcycle.events.SubmissionBatch;
import io.revcycle.events.SubmissionStatus;
import io.revcycle.schemas.Topics;
import io.revcycle.schemas.serde.KafkaAvroDeserializer;
import io.revcycle.schemas.serde.KafkaAvroSerializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;

import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * Prints, from one run: claims and X12 bytes per second of the 837 writer alone; and through the
 * topology on the embedded broker (exactly-once, file-drop gateway), claims per second into
 * submitted interchanges and to the SUBMITTED state on {@code rcm.claims}, with p50/p99 latency from
 * sending the coded encounter to reading its SUBMITTED claim. Arguments: claims through the topology
 * (default 20000), claims for the writer (default 100000). System properties: {@code bench.rate}
 * (encounters offered per second, 0 = all at once), {@code bench.commitIntervalMs},
 * {@code bench.maxClaims}, {@code bench.maxWaitMs}, and {@code bench.streams.<setting>} for any
 * other Kafka Streams setting.
 */
public final class ClaimThroughputBenchmark {

    private static final X12Settings X12 = new X12Settings("REVCYCLE01", "REVCYCLE BILLING", "EDI DESK",
            "5555550100", "CLEARHOUSE01", "ACME CLEARINGHOUSE", "T");

    /** Exactly-once commit interval; the service ships 100 ms (-Dbench.commitIntervalMs to compare). */
    private static final int COMMIT_INTERVAL_MS = Integer.getInteger("bench.commitIntervalMs", 100);
    /** Encounters offered per second (-Dbench.rate); 0 sends them all at once. */
    private static final int RATE = Integer.getInteger("bench.rate", 0);
    /** Interchange size limit and time limit (-Dbench.maxClaims, -Dbench.maxWaitMs); the end-to-end stack waits 1 s. */
    private static final int MAX_CLAIMS = Integer.getInteger("bench.maxClaims", 500);
    private static final Duration MAX_WAIT = Duration.ofMillis(Integer.getInteger("bench.maxWaitMs", 1000));
    private static final Duration CHECK_EVERY = Duration.ofMillis(Math.max(10, MAX_WAIT.toMillis() / 4));

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
                            new InterchangeJournal(work.resolve("journal")), Clock.systemUTC()),
                    MAX_CLAIMS, MAX_WAIT, CHECK_EVERY, ClaimMetrics.NONE, Clock.systemUTC(), serde);
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
            // -Dbench.streams.<key>=<value> passes any other streams, producer or consumer setting, to compare
            System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith("bench.streams."))
                    .forEach(key -> props.put(key.substring("bench.streams.".length()), System.getProperty(key)));
            try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
                streams.start();
                // a quarter of the claims first, unmeasured: the JIT and the broker warm up, as in a running service
                Watcher warmUp = new Watcher(stack, Math.max(1, count / 4));
                Thread warming = new Thread(warmUp, "bench-warm-up");
                warming.start();
                warmUp.ready.await();
                produce(stack, encounters(warmUp.count, "W"), warmUp.producedAt);
                warming.join();
                Watcher watcher = new Watcher(stack, count);
                Thread watching = new Thread(watcher, "bench-watcher");
                watching.start();
                watcher.ready.await();
                List<CodedEncounter> measured = encounters(count, "M");
                long start = System.nanoTime();
                long cpuStart = processCpuNanos();
                long streamCpuStart = streamThreadCpuNanos();
                produce(stack, measured, watcher.producedAt);
                watching.join();
                double cpuPerClaim = (processCpuNanos() - cpuStart) / 1e6 / count;
                double streamCpuPerClaim = (streamThreadCpuNanos() - streamCpuStart) / 1e6 / count;
                double batched = (watcher.lastBatchNanos - start) / 1e9;
                double submitted = (watcher.lastSubmittedNanos - start) / 1e9;
                System.out.printf("through the topology (embedded broker, exactly_once_v2, commit every %d ms, %s, "
                                + "batches of %d or %d ms, props %s)%n", COMMIT_INTERVAL_MS,
                        RATE > 0 ? "offered " + RATE + " encounters/s" : "all at once", MAX_CLAIMS, MAX_WAIT.toMillis(),
                        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("bench.streams."))
                                .sorted().map(k -> k.substring(14) + "=" + System.getProperty(k)).toList());
                System.out.printf("  %d claims in submitted interchanges (rcm.claims.submissions) in %.2f s = %.0f claims/s%n",
                        watcher.batchedClaims, batched, watcher.batchedClaims / batched);
                System.out.printf("  %d claims SUBMITTED on rcm.claims in %.2f s = %.0f claims/s%n",
                        watcher.submittedClaims, submitted, watcher.submittedClaims / submitted);
                System.out.printf("  coded encounter sent -> claim SUBMITTED read: p50 %d ms, p99 %d ms, max %d ms%n",
                        watcher.percentile(0.50), watcher.percentile(0.99), watcher.percentile(1.0));
                // CPU time is steadier than wall time on a shared machine: it does not count waiting for a core
                System.out.printf("  CPU per claim: %.3f ms in the stream thread, %.3f ms in the whole JVM (broker included)%n",
                        streamCpuPerClaim, cpuPerClaim);
                printLogSizes(stack, count + warmUp.count);
            }
        }
    }

    /** Bytes per claim in each topic's log (payload, headers, batch overhead and transaction markers). */
    private static void printLogSizes(EmbeddedStack stack, int count) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            Map<String, Long> bytesByTopic = new TreeMap<>();
            for (var dirs : admin.describeLogDirs(admin.describeCluster().nodes().get().stream().map(n -> n.id()).toList())
                    .allDescriptions().get().values()) {
                for (var dir : dirs.values()) {
                    dir.replicaInfos().forEach((partition, replica) ->
                            bytesByTopic.merge(partition.topic(), replica.size(), Long::sum));
                }
            }
            long total = bytesByTopic.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("  log bytes per claim: %d in all topics; %s%n", total / count,
                    bytesByTopic.entrySet().stream().filter(e -> e.getValue() / count > 0)
                            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                            .map(e -> e.getKey().replace("claims-bench-", "") + " " + e.getValue() / count).toList());
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long streamThreadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().contains("StreamThread"))
                .mapToLong(t -> Math.max(0, threads.getThreadCpuTime(t.getId()))).sum();
    }

    /** Distinct encounters: own id and patient (so none is a duplicate), the round in both. */
    private static List<CodedEncounter> encounters(int count, String round) {
        CodedEncounter template = ClaimScenarios.officeVisitTwoLines();
        List<CodedEncounter> encounters = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = "ENC-BENCH-" + round + i;
            encounters.add(CodedEncounter.newBuilder(ClaimScenarios.withEncounterId(template, id))
                    .setEncounter(EncounterReceived.newBuilder(template.getEncounter()).setEncounterId(id)
                            .setPatientId("MRN-" + round + i).build())
                    .build());
        }
        return encounters;
    }

    /** Sends the encounters, all at once or at {@code bench.rate} per second, noting when each was sent. */
    private static void produce(EmbeddedStack stack, List<CodedEncounter> encounters, Map<String, Long> producedAt)
            throws InterruptedException {
        int count = encounters.size();
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put("schema.registry.url", stack.registryUrl());
        KafkaAvroSerializer values = new KafkaAvroSerializer();
        values.configure(config, false);
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config, new StringSerializer(), values)) {
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                if (RATE > 0) {
                    long due = start + (long) (i * 1e9 / RATE);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                CodedEncounter coded = encounters.get(i);
                producedAt.put(coded.getEncounterId(), System.nanoTime());
                producer.send(new ProducerRecord<>(Topics.ENCOUNTERS_CODED.name(), coded.getEncounterId(), coded));
            }
            producer.flush();
        }
    }

    /** Reads submitted interchanges and claim states (read_committed) until every claim is SUBMITTED. */
    private static final class Watcher implements Runnable {

        final Map<String, Long> producedAt = new ConcurrentHashMap<>();
        final CountDownLatch ready = new CountDownLatch(1);
        private final EmbeddedStack stack;
        final int count;
        private final long[] latencies;
        long batchedClaims;
        long submittedClaims;
        long lastBatchNanos;
        long lastSubmittedNanos;

        Watcher(EmbeddedStack stack, int count) {
            this.stack = stack;
            this.count = count;
            this.latencies = new long[count];
        }

        @Override
        public void run() {
            Map<String, Object> config = new HashMap<>();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            config.put("schema.registry.url", stack.registryUrl());
            config.put("specific.avro.reader", true);
            KafkaAvroDeserializer values = new KafkaAvroDeserializer();
            values.configure(config, false);
            long deadline = System.currentTimeMillis() + 600_000;
            try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
                // assigned, not subscribed: no group join delays the first reads
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : List.of(Topics.CLAIM_SUBMISSIONS.name(), Topics.CLAIMS.name())) {
                    consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
                consumer.assign(partitions);
                // from the end: earlier rounds are complete, so what follows is this round's
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                ready.countDown();
                while ((batchedClaims < count || submittedClaims < count) && System.currentTimeMillis() < deadline) {
                    for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.nanoTime();
                        if (record.value() instanceof SubmissionBatch batch && batch.getStatus() == SubmissionStatus.SUBMITTED) {
                            batchedClaims += batch.getClaimIds().size();
                            lastBatchNanos = now;
                        } else if (record.value() instanceof Claim claim && claim.getState() == ClaimState.SUBMITTED
                                && submittedClaims < count) {
                            latencies[(int) submittedClaims++] = now - producedAt.get(claim.getEncounterId());
                            lastSubmittedNanos = now;
                        }
                    }
                }
            }
        }

        long percentile(double p) {
            long[] sorted = Arrays.copyOf(latencies, (int) submittedClaims);
            Arrays.sort(sorted);
            return sorted.length == 0 ? -1 : sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)] / 1_000_000;
        }
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
