package io.revcycle.deploy.registry;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code _schemas} topic as the registry's only storage: one partition, compacted.
 *
 * <p>A reader thread follows the topic and hands every record to the {@link RegistryState}; a
 * write returns only once the reader has applied it, so what the registry answers is always what
 * the topic holds, and a restart that replays the topic rebuilds the same state.
 */
final class KafkaSchemaLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSchemaLog.class);
    /** Distinct client ids keep Kafka's metrics apart when several registries share a JVM (tests). */
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    /** One record to append: a {@code null} value is a tombstone. */
    record Write(String key, String value) {
    }

    private final SchemaRegistrySettings settings;
    private final Duration timeout;
    /** Longer than the producer's delivery timeout, so that Kafka's own verdict normally comes first. */
    private final Duration ackTimeout;
    private final RegistryState state;
    private final TopicPartition partition;
    private final Object progress = new Object();
    private long appliedUpTo;
    /** Sends not yet known to be written or lost; guarded by this. */
    private final List<Future<RecordMetadata>> unsettled = new ArrayList<>();
    /** Highest offset this registry has written; guarded by this. */
    private long written = -1;
    private volatile boolean running;
    private KafkaProducer<String, String> producer;
    private KafkaConsumer<String, String> consumer;
    private Thread reader;

    KafkaSchemaLog(SchemaRegistrySettings settings, RegistryState state) {
        this.settings = settings;
        this.timeout = settings.kafkaTimeout();
        this.ackTimeout = settings.kafkaTimeout().plusSeconds(5);
        this.state = state;
        this.partition = new TopicPartition(settings.topic(), 0);
    }

    /** Creates the topic if missing and replays it to its end before returning. */
    void start() {
        ensureTopic();
        int instance = INSTANCES.incrementAndGet();
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, "schema-registry-writer-" + instance,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // Writes are single, rare and waited for: batching them only adds latency.
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis() / 2,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis()),
                new StringSerializer(), new StringSerializer());
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ConsumerConfig.CLIENT_ID_CONFIG, "schema-registry-reader-" + instance,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (consumer.position(partition, timeout) < end) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not replay " + settings.topic() + " to offset " + end);
            }
            applyBatch();
        }
        LOG.info("replayed {} up to offset {}", settings.topic(), end);
        running = true;
        reader = new Thread(this::follow, "schema-registry-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void ensureTopic() {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis() / 2,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()))) {
            NewTopic topic = new NewTopic(settings.topic(), 1, settings.replicationFactor())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            try {
                admin.createTopics(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                LOG.info("created compacted topic {}", settings.topic());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + settings.topic() + " on "
                            + settings.bootstrapServers(), e.getCause());
                }
            }
            TopicDescription description = describeOnceKnown(admin);
            // One partition is what keeps one total order of registrations.
            if (description.partitions().size() != 1) {
                throw new IllegalStateException("topic " + settings.topic() + " has "
                        + description.partitions().size() + " partitions; the schema registry needs exactly 1");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing topic " + settings.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot reach Kafka at " + settings.bootstrapServers()
                    + " to prepare topic " + settings.topic(), e);
        }
    }

    /** A topic just created may take a moment to reach the broker's metadata. */
    private TopicDescription describeOnceKnown(Admin admin)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return admin.describeTopics(List.of(settings.topic())).allTopicNames()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(settings.topic());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    private void follow() {
        while (running) {
            try {
                applyBatch();
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("reading {} failed; retrying", settings.topic(), e);
                pause();
            }
        }
    }

    private void applyBatch() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
            if (record.key() == null) {
                continue;
            }
            try {
                state.apply(SchemaRecords.read(record.key(), record.value()));
            } catch (RuntimeException e) {
                LOG.warn("skipping unreadable record at {} offset {}: {}", settings.topic(), record.offset(),
                        e.getMessage());
            }
        }
        long position = consumer.position(partition, timeout);
        synchronized (progress) {
            appliedUpTo = position;
            progress.notifyAll();
        }
    }

    /**
     * Waits until every earlier write is applied, or known never to have been written. A decision
     * taken on a state missing a write that timed out but landed later could hand out its id twice.
     */
    synchronized void catchUp() {
        if (!unsettled.isEmpty()) {
            producer.flush();
            for (Future<RecordMetadata> future : unsettled) {
                try {
                    written = Math.max(written, future.get().offset());
                } catch (ExecutionException e) {
                    // never written: nothing to wait for
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw RegistryException.storeError("interrupted while settling writes to " + settings.topic());
                }
            }
            unsettled.clear();
        }
        awaitApplied(written);
    }

    /**
     * Appends records in order and returns once the reader has applied all of them.
     *
     * @throws RegistryException 50001 when Kafka refuses the write, 50002 when it is not confirmed in time
     */
    synchronized void append(List<Write> writes) {
        for (Write write : writes) {
            unsettled.add(producer.send(new ProducerRecord<>(settings.topic(), 0, write.key(), write.value())));
        }
        try {
            for (Future<RecordMetadata> future : unsettled) {
                written = Math.max(written, future.get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS).offset());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryException.storeError("interrupted while writing to " + settings.topic());
        } catch (ExecutionException e) {
            throw RegistryException.storeError("writing to " + settings.topic() + " failed: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw RegistryException.timeout("writing to " + settings.topic());
        }
        unsettled.clear();
        awaitApplied(written);
    }

    private void awaitApplied(long offset) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (appliedUpTo <= offset) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw RegistryException.timeout("reading back offset " + offset + " of " + settings.topic());
                }
                try {
                    progress.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw RegistryException.storeError("interrupted while reading back " + settings.topic());
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        if (reader != null) {
            consumer.wakeup();
            try {
                reader.join(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(5));
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
