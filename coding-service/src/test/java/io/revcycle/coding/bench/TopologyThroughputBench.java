package io.revcycle.coding.bench;

import io.revcycle.coding.Encounters;
import io.revcycle.coding.cac.CodeSuggester;
import io.revcycle.coding.codesets.CodeSets;
import io.revcycle.coding.codesets.StarterCodeSets;
import io.revcycle.coding.edits.CoveragePolicyTable;
import io.revcycle.coding.edits.EditPipeline;
import io.revcycle.coding.queries.CodingSettings;
import io.revcycle.coding.queries.EncounterCoder;
import io.revcycle.coding.topology.CodingMetrics;
import io.revcycle.coding.topology.CodingSerdes;
import io.revcycle.coding.topology.CodingTopology;
import io.revcycle.deploy.embedded.EmbeddedStack;
import io.revcycle.events.EncounterReceived;
import io.revcycle.schemas.Topics;
import io.revcycle.schemas.serde.AvroSerdes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Coded encounters per second through the coding topology on the embedded broker (exactly-once v2,
 * one stream thread, commit every 100 ms as the service is configured), and in the same run a
 * pass-through topology over the same topics; prints both and the ratio.
 *
 * <p>Arguments: number of encounters (default 20,000), stream threads for both runs (default 1, as the
 * service is configured).
 */
public final class TopologyThroughputBench {

    private TopologyThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        try (EmbeddedStack stack = EmbeddedStack.startTemporary()) {
            Map<String, Object> serde = Map.of("schema.registry.url", stack.registryUrl(), "specific.avro.reader", true);
            preload(stack, serde, n);
            Rate passThrough = run(stack, "pass-through", n, threads, builder -> builder
                    .stream(Topics.ENCOUNTERS.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()))
                    .to(Topics.ENCOUNTERS_CODED.name(), Produced.with(Serdes.String(), Serdes.ByteArray())));
            CodeSets codeSets = StarterCodeSets.load();
            CodeSuggester suggester = CodeSuggester.index(codeSets);
            EncounterCoder coder = new EncounterCoder(codeSets, EditPipeline.standard(codeSets, policies()),
                    () -> suggester, CodingSettings.DEFAULT, Clock.systemUTC());
            Rate coding = run(stack, "coding", n, threads, builder ->
                    new CodingTopology(coder, CodingSerdes.of(serde), CodingMetrics.NONE).build(builder));
            System.out.printf("stream threads: %d%n", threads);
            System.out.printf("pass-through: %s%n", passThrough);
            System.out.printf("coding:       %s%n", coding);
            System.out.printf("ratio coding / pass-through: overall %.0f%%, steady %.0f%%%n",
                    100 * coding.overall() / passThrough.overall(), 100 * coding.steady() / passThrough.steady());
        }
    }

    /** Records per second from stream start to last output, and between first and last output. */
    record Rate(int records, double overall, double steady) {
        @Override
        public String toString() {
            return String.format("%,d records, %,.0f/s from start, %,.0f/s steady", records, overall, steady);
        }
    }

    private static CoveragePolicyTable policies() throws Exception {
        try (InputStream in = TopologyThroughputBench.class.getResourceAsStream("/codesets/coverage-policies.tsv")) {
            return CoveragePolicyTable.read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        }
    }

    private static void preload(EmbeddedStack stack, Map<String, Object> serde, int n) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<String, EncounterReceived> producer = new KafkaProducer<>(config, new StringSerializer(),
                AvroSerdes.of(Topics.ENCOUNTERS, serde).serializer())) {
            for (int i = 0; i < n; i++) {
                String id = "BENCH-" + i;
                EncounterReceived e = switch (i % 3) {
                    case 0 -> Encounters.encounter(id).dx("I10", "E11.9").service("99213", 1, 2).service("93000", 1).build();
                    case 1 -> Encounters.encounter(id).dx("J45.909", "R07.9").service("99214", 1).service("71046", 1, 2).build();
                    default -> Encounters.encounter(id).dx("M17.11").service("99213", 1, List.of("25"), 1).service("20610", 1).build();
                };
                producer.send(new ProducerRecord<>(Topics.ENCOUNTERS.name(), id, e));
            }
            producer.flush();
        }
        System.out.printf("preloaded %,d clean encounters of 3 shapes%n", n);
    }

    private static Rate run(EmbeddedStack stack, String name, int n, int threads, Consumer<StreamsBuilder> topology) throws Exception {
        Map<String, Object> consumerConfig = new HashMap<>();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        try (KafkaConsumer<byte[], byte[]> counter = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = IntStream.range(0, Topics.ENCOUNTERS_CODED.partitions())
                    .mapToObj(p -> new TopicPartition(Topics.ENCOUNTERS_CODED.name(), p)).toList();
            counter.assign(partitions);
            counter.seekToEnd(partitions);
            partitions.forEach(counter::position);

            StreamsBuilder builder = new StreamsBuilder();
            topology.accept(builder);
            Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-" + name + "-" + UUID.randomUUID());
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
            props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
            props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("bench-state").toString());
            props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
            props.put("schema.registry.url", stack.registryUrl());
            try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
                long start = System.nanoTime();
                streams.start();
                long first = 0;
                int seen = 0;
                long deadline = start + Duration.ofMinutes(10).toNanos();
                while (seen < n && System.nanoTime() < deadline) {
                    int got = counter.poll(Duration.ofMillis(200)).count();
                    if (got > 0 && first == 0) {
                        first = System.nanoTime();
                    }
                    seen += got;
                }
                long last = System.nanoTime();
                streams.close(Duration.ofSeconds(30));
                return new Rate(seen, seen / ((last - start) / 1e9), (seen - 1) / Math.max(1e-9, (last - first) / 1e9));
            }
        }
    }
}
