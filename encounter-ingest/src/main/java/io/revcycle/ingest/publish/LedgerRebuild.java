package io.revcycle.ingest.publish;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.revcycle.events.EncounterReceived;
import io.revcycle.schemas.Topics;
import jakarta.annotation.PreDestroy;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds the duplicate ledger at startup by reading the encounters topic (the system of record)
 * from the beginning to its end. Until it has, the service answers 503: accepting before would
 * risk publishing a resend as a new encounter. Retries until Kafka answers.
 */
@Context
@Requires(property = "revcycle.ingest.kafka.rebuild-ledger", notEquals = "false")
final class LedgerRebuild {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerRebuild.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final EncounterLedger ledger;
    private final LedgerReadiness readiness;
    private final KafkaClients clients;
    private final Thread worker;
    private volatile boolean stopping;

    LedgerRebuild(EncounterLedger ledger, LedgerReadiness readiness, KafkaClients clients) {
        this.ledger = ledger;
        this.readiness = readiness;
        this.clients = clients;
        readiness.awaitRebuild();
        this.worker = new Thread(this::rebuildUntilDone, "encounter-ledger-rebuild");
        worker.setDaemon(true);
        worker.start();
    }

    @PreDestroy
    void stop() {
        stopping = true;
        worker.interrupt();
    }

    private void rebuildUntilDone() {
        while (!stopping) {
            try {
                int read = rebuild();
                readiness.rebuilt();
                LOG.info("Encounter ledger rebuilt: {} records read, {} encounters known", read, ledger.size());
                return;
            } catch (RuntimeException ex) {
                LOG.warn("Encounter ledger rebuild failed, retrying: {}", ex.toString());
                try {
                    Thread.sleep(RETRY.toMillis());
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private int rebuild() {
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(clients.rebuildConsumerConfig())) {
            List<PartitionInfo> infos = consumer.partitionsFor(Topics.ENCOUNTERS.name(), Duration.ofSeconds(10));
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            int read = 0;
            while (!stopping && partitions.stream().anyMatch(tp -> consumer.position(tp, Duration.ofSeconds(10)) < end.get(tp))) {
                try {
                    for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.value() instanceof EncounterReceived e) {
                            ledger.recordPublished(e.getSourceSystem(), e.getEncounterId(), e.getEncounterVersion(), e.getContentHash());
                            read++;
                        }
                    }
                } catch (RecordDeserializationException ex) {
                    // An unreadable record cannot be a version we published; skip it rather than never becoming ready.
                    LOG.warn("Skipping unreadable record {} offset {} while rebuilding the ledger", ex.topicPartition(), ex.offset());
                    consumer.seek(ex.topicPartition(), ex.offset() + 1);
                }
            }
            return read;
        }
    }
}
