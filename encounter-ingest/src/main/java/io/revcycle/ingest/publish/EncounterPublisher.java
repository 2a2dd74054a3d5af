package io.revcycle.ingest.publish;

import io.revcycle.events.EncounterReceived;
import io.revcycle.events.EncounterRejected;
import io.revcycle.events.SourceFormat;
import io.revcycle.ingest.encounter.CanonicalEncounter;
import io.revcycle.ingest.encounter.EncounterEvents;
import io.revcycle.ingest.publish.EncounterLedger.Decision;
import io.revcycle.ingest.publish.EncounterLedger.Duplicate;
import io.revcycle.ingest.publish.EncounterLedger.NewVersion;
import io.revcycle.schemas.EventHeaders;
import io.revcycle.schemas.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes accepted encounters (keyed by encounter id) and rejections. A future completes only
 * once Kafka has acknowledged the record (acks=all), or fails with
 * {@link KafkaUnavailableException} when it could not within the configured timeouts.
 */
@Singleton
public final class EncounterPublisher {

    /** What happened to a valid encounter. */
    public record Outcome(String encounterId, int version, boolean duplicate) {
    }

    private final Producer<String, Object> producer;
    private final EncounterLedger ledger;
    private final LedgerReadiness readiness;

    EncounterPublisher(KafkaClients clients, PublishSettings settings, EncounterLedger ledger, LedgerReadiness readiness) {
        this.producer = clients.newProducer(settings);
        this.ledger = ledger;
        this.readiness = readiness;
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }

    /** Publishes the encounter unless its content is already the latest published version. */
    public CompletableFuture<Outcome> publish(CanonicalEncounter encounter, SourceFormat format, Instant receivedAt) {
        if (!readiness.ready()) {
            return CompletableFuture.failedFuture(new KafkaUnavailableException("encounter ledger is being rebuilt", null));
        }
        String source = encounter.sourceSystem();
        String id = encounter.encounterId();
        Decision decision = ledger.reserve(source, id, encounter.contentHash());
        if (decision instanceof Duplicate d) {
            return CompletableFuture.completedFuture(new Outcome(id, d.version(), true));
        }
        int version = ((NewVersion) decision).version();
        EncounterReceived event = encounter.toEvent(EventHeaders.create(EncounterEvents.PRODUCER, id, null), version, format, receivedAt);
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(Topics.ENCOUNTERS.name(), id, event), (metadata, error) -> {
                if (error == null) {
                    ledger.confirm(source, id);
                    result.complete(new Outcome(id, version, false));
                } else {
                    ledger.release(source, id);
                    result.completeExceptionally(new KafkaUnavailableException("encounter not acknowledged by Kafka", error));
                }
            });
        } catch (KafkaException ex) {
            ledger.release(source, id);
            result.completeExceptionally(new KafkaUnavailableException("encounter not sent to Kafka", ex));
        }
        return result;
    }

    /** Publishes a rejection for operations, keyed by the encounter id when known, else the input hash. */
    public CompletableFuture<Void> reject(EncounterRejected rejection) {
        String key = rejection.getExternalId() != null ? rejection.getExternalId() : rejection.getInputHash();
        CompletableFuture<Void> result = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(Topics.ENCOUNTERS_REJECTED.name(), key, rejection), (metadata, error) -> {
                if (error == null) {
                    result.complete(null);
                } else {
                    result.completeExceptionally(new KafkaUnavailableException("rejection not acknowledged by Kafka", error));
                }
            });
        } catch (KafkaException ex) {
            result.completeExceptionally(new KafkaUnavailableException("rejection not sent to Kafka", ex));
        }
        return result;
    }
}
