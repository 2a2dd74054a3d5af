package io.revcycle.claims.acks;

import io.micronaut.context.annotation.Value;
import io.revcycle.events.Acknowledgment;
import io.revcycle.events.ProcessingException;
import io.revcycle.schemas.Topics;
import io.revcycle.schemas.serde.KafkaAvroSerializer;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes the outcome of one acknowledgment file in one Kafka transaction: every claim's
 * acknowledgment becomes visible together, or none does.
 */
@Singleton
public class AcknowledgmentPublisher {

    private final KafkaProducer<String, Object> producer;

    public AcknowledgmentPublisher(@Value("${kafka.bootstrap.servers}") String bootstrapServers,
                                   @Value("${kafka.schema.registry.url}") String registryUrl) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "claim-builder-acks-" + UUID.randomUUID());
        config.put("schema.registry.url", registryUrl);
        KafkaAvroSerializer values = new KafkaAvroSerializer();
        values.configure(config, false);
        producer = new KafkaProducer<>(config, new StringSerializer(), values);
        producer.initTransactions();
    }

    /** All acknowledgments of a file, atomically. */
    public synchronized void publish(List<Acknowledgment> acknowledgments) {
        inTransaction(() -> acknowledgments.forEach(ack ->
                producer.send(new ProducerRecord<>(Topics.CLAIM_ACKS.name(), ack.getClaimId(), ack))));
    }

    /** A file that could not be applied. */
    public synchronized void publish(ProcessingException failure) {
        inTransaction(() -> producer.send(new ProducerRecord<>(Topics.CLAIM_ACK_EXCEPTIONS.name(),
                failure.getExceptionId(), failure)));
    }

    private void inTransaction(Runnable sends) {
        producer.beginTransaction();
        try {
            sends.run();
            producer.commitTransaction();
        } catch (KafkaException e) {
            producer.abortTransaction();
            throw e;
        }
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
