package io.revcycle.deploy.dashboard.feed;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.revcycle.deploy.dashboard.kpi.RevenueCycleLedger;
import io.revcycle.events.ProcessingException;
import io.revcycle.schemas.Topic;
import io.revcycle.schemas.Topics;
import io.revcycle.schemas.serde.AvroSerdeConfig;
import io.revcycle.schemas.serde.KafkaAvroDeserializer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dashboard's own reading of the pipeline's events, from the beginning of every topic it needs,
 * into the {@link RevenueCycleLedger}. Partitions are assigned, not subscribed: the ledger lives in
 * memory and must see every partition from its start, which a rebalance would break; topics that
 * appear later are picked up on the next look. Positions are committed under the dashboard's own
 * group only so the lag panel shows how far behind the dashboard itself is.
 */
@Context
public final class EventFeed {

    private static final Logger LOG = LoggerFactory.getLogger(EventFeed.class);
    /** The topics the KPIs are computed from, in flow order. */
    static final List<Topic<?, ?>> READ = List.of(
            Topics.ENCOUNTERS, Topics.ENCOUNTERS_REJECTED, Topics.ENCOUNTERS_CODED, Topics.CODING_QUERIES,
            Topics.CLAIMS, Topics.CLAIM_ACKS, Topics.CLAIM_ACK_EXCEPTIONS, Topics.DENIAL_ACTIONS,
            Topics.REMITTANCE_EXCEPTIONS, Topics.PAYMENTS, Topics.DENIALS,
            Topics.CODING_DEAD_LETTERS, Topics.CLAIMS_DEAD_LETTERS, Topics.PAYMENTS_DEAD_LETTERS);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration LOOK_FOR_PARTITIONS = Duration.ofSeconds(5);
    private static final Duration LOOK_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration COMMIT_EVERY = Duration.ofSeconds(5);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(1);

    private final RevenueCycleLedger ledger;
    private final Map<String, Object> consumerConfig = new HashMap<>();
    private final KafkaAvroDeserializer values = new KafkaAvroDeserializer();
    private final Set<String> deadLetterTopics = new HashSet<>();
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public EventFeed(RevenueCycleLedger ledger,
                     @Value("${kafka.bootstrap.servers}") String bootstrapServers,
                     @Value("${kafka.schema.registry.url}") String registryUrl,
                     @Value("${dashboard.consumer-group:revcycle-dashboard}") String group) {
        this.ledger = ledger;
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        // A watcher must never create a pipeline topic (with the broker's default partitions).
        consumerConfig.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, group + "-feed");
        values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl,
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        for (Topic<?, ?> topic : READ) {
            if (topic.isDeadLetter()) {
                deadLetterTopics.add(topic.name());
                ledger.watchDeadLetters(topic.name());
            } else if (topic.valueType() == ProcessingException.class) {
                ledger.watchExceptions(topic.name());
            }
        }
    }

    @PostConstruct
    void start() {
        thread = new Thread(this::run, "dashboard-event-feed");
        thread.setDaemon(true);
        thread.start();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        thread.join(LOOK_TIMEOUT.plus(CLOSE_TIMEOUT).plus(POLL).toMillis());
    }

    private void run() {
        KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerConfig,
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer = kafka;
        try {
            Instant nextLook = Instant.MIN;
            Instant nextCommit = Instant.now().plus(COMMIT_EVERY);
            while (running) {
                if (Instant.now().isAfter(nextLook)) {
                    assignNewPartitions(kafka);
                    nextLook = Instant.now().plus(LOOK_FOR_PARTITIONS);
                }
                if (kafka.assignment().isEmpty()) {
                    Thread.sleep(POLL.toMillis());
                    continue;
                }
                try {
                    for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
                        take(record);
                    }
                    if (Instant.now().isAfter(nextCommit)) {
                        commitPositions(kafka);
                        nextCommit = Instant.now().plus(COMMIT_EVERY);
                    }
                } catch (WakeupException stopping) {
                    throw stopping;
                } catch (RuntimeException e) {
                    // A broker hiccup must not freeze the page for good: the next poll resumes where this one stopped.
                    LOG.warn("event feed: {}", e.toString());
                    Thread.sleep(POLL.toMillis());
                }
            }
        } catch (WakeupException stopping) {
            LOG.debug("event feed stopped");
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } finally {
            // Nothing to hand over on close (positions are only informative): don't wait for an absent broker.
            kafka.close(CloseOptions.timeout(CLOSE_TIMEOUT));
        }
    }

    private void assignNewPartitions(KafkaConsumer<String, byte[]> kafka) {
        Map<String, List<PartitionInfo>> onCluster;
        try {
            // One short metadata call, so a stop request never waits long behind an absent broker.
            onCluster = kafka.listTopics(LOOK_TIMEOUT);
        } catch (TimeoutException clusterNotReachable) {
            return;
        }
        Set<TopicPartition> assigned = new HashSet<>(kafka.assignment());
        Set<TopicPartition> added = new HashSet<>();
        for (Topic<?, ?> topic : READ) {
            for (PartitionInfo info : onCluster.getOrDefault(topic.name(), List.of())) {
                TopicPartition partition = new TopicPartition(info.topic(), info.partition());
                if (assigned.add(partition)) {
                    added.add(partition);
                }
            }
        }
        if (!added.isEmpty()) {
            kafka.assign(assigned);
            kafka.seekToBeginning(added);
        }
    }

    private void take(ConsumerRecord<String, byte[]> record) {
        if (deadLetterTopics.contains(record.topic())) {
            ledger.deadLetter(record.topic());
            return;
        }
        if (record.value() == null) {
            return;
        }
        Object event;
        try {
            event = values.deserialize(record.topic(), record.value());
        } catch (RuntimeException unreadable) {
            // Only coordinates: the payload may hold PHI.
            LOG.warn("skipped unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    unreadable.getClass().getSimpleName());
            return;
        }
        ledger.apply(record.topic(), event);
    }

    private void commitPositions(KafkaConsumer<String, byte[]> kafka) {
        Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
        for (TopicPartition partition : kafka.assignment()) {
            positions.put(partition, new OffsetAndMetadata(kafka.position(partition)));
        }
        kafka.commitAsync(positions, (offsets, error) -> {
            if (error != null) {
                LOG.debug("could not commit dashboard positions: {}", error.toString());
            }
        });
    }
}
