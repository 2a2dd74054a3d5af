package io.revcycle.deploy.e2e.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The yardstick of the pipeline benchmark: the same number of records through the same number of
 * Kafka hops, each hop a transactional consume-produce loop (read_committed, offsets committed in the
 * transaction, as exactly_once_v2 does) that only replaces the value with one of the size the pipeline
 * writes at that hop. No parsing, no state, no logic: what the broker and clients alone cost.
 */
final class RawPassThroughChain {

    /** Prefix of the chain's own scratch topics, never one of the pipeline's. */
    private static final String TOPIC_PREFIX = "bench.pass-through.";

    private RawPassThroughChain() {
    }

    /**
     * Sends {@code records} values of {@code sizes[0]} bytes into the first topic and waits until all
     * of them came out of the last one, after {@code sizes.length - 1} hops.
     *
     * @return records per second from the first send to the last record read at the end of the chain
     */
    static double run(String bootstrapServers, int records, int[] sizes, int partitions, Duration within)
            throws InterruptedException, ExecutionException, TimeoutException {
        String run = Long.toString(System.currentTimeMillis());
        List<String> topics = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            topics.add(TOPIC_PREFIX + run + "." + i);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(topics.stream().map(t -> new NewTopic(t, partitions, (short) 1)).toList()).all().get();
            awaitReplicas(admin, topics, partitions);
        }
        int hops = sizes.length - 1;
        ExecutorService threads = Executors.newFixedThreadPool(hops + 1);
        try {
            List<Future<?>> stages = new ArrayList<>();
            for (int i = 0; i < hops; i++) {
                String from = topics.get(i);
                String to = topics.get(i + 1);
                byte[] value = new byte[sizes[i + 1]];
                String id = "bench-pass-through-" + run + "-" + i;
                stages.add(threads.submit(() -> {
                    hop(bootstrapServers, from, to, value, id, records);
                    return null;
                }));
            }
            Future<Long> end = threads.submit(() -> drain(bootstrapServers, topics.get(hops), records, run));
            long start = System.nanoTime();
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(bootstrapServers, null))) {
                byte[] value = new byte[sizes[0]];
                for (int i = 0; i < records; i++) {
                    producer.send(new ProducerRecord<>(topics.get(0), ("E-" + i).getBytes(StandardCharsets.UTF_8), value));
                }
            }
            long finished = end.get(within.toMillis(), TimeUnit.MILLISECONDS);
            for (Future<?> stage : stages) {
                stage.get(10, TimeUnit.SECONDS);
            }
            return records / ((finished - start) / 1e9);
        } finally {
            threads.shutdownNow();
            threads.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Waits until the broker holds a replica of every new partition. The topics exist as soon as the
     * controller says so, but the broker takes a moment to create their logs; an idempotent producer
     * whose first batches are refused meanwhile (NOT_LEADER_OR_FOLLOWER) was seen to retry the rest
     * with OUT_OF_ORDER_SEQUENCE_NUMBER without end.
     */
    private static void awaitReplicas(Admin admin, List<String> topics, int partitions)
            throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Set<TopicPartition> present = new HashSet<>();
            for (Map<String, LogDirDescription> dirs : admin.describeLogDirs(List.of(1)).allDescriptions().get().values()) {
                dirs.values().forEach(dir -> present.addAll(dir.replicaInfos().keySet()));
            }
            boolean all = true;
            for (String topic : topics) {
                for (int p = 0; p < partitions; p++) {
                    all &= present.contains(new TopicPartition(topic, p));
                }
            }
            if (all) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the broker did not create the logs of " + topics + " within 30 s");
    }

    private static void hop(String bootstrapServers, String from, String to, byte[] value, String id, int records) {
        Map<String, Object> consumerConfig = consumerConfig(bootstrapServers, id);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(bootstrapServers, id))) {
            producer.initTransactions();
            consumer.subscribe(List.of(from));
            int seen = 0;
            while (seen < records && !Thread.currentThread().isInterrupted()) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(100));
                if (batch.isEmpty()) {
                    continue;
                }
                producer.beginTransaction();
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> r : batch) {
                    producer.send(new ProducerRecord<>(to, r.key(), value));
                    offsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                    seen++;
                }
                producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
                producer.commitTransaction();
            }
        }
    }

    /** Reads the last topic until every record arrived; returns the time the last one was read. */
    private static long drain(String bootstrapServers, String topic, int records, String run) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(bootstrapServers,
                "bench-pass-through-" + run + "-end"))) {
            consumer.subscribe(List.of(topic));
            int seen = 0;
            while (seen < records && !Thread.currentThread().isInterrupted()) {
                seen += consumer.poll(Duration.ofMillis(100)).count();
            }
            return System.nanoTime();
        }
    }

    private static Map<String, Object> consumerConfig(String bootstrapServers, String group) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }

    private static Map<String, Object> producerConfig(String bootstrapServers, String transactionalId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        if (transactionalId != null) {
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return config;
    }
}
