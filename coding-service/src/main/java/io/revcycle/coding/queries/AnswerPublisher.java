package io.revcycle.coding.queries;

import io.micronaut.context.annotation.Value;
import io.revcycle.events.CodingAnswer;
import io.revcycle.schemas.Topics;
import io.revcycle.schemas.serde.AvroSerdes;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Publishes coders' answers to rcm.coding.answers, keyed by encounter id, acknowledged by all replicas. */
@Singleton
public class AnswerPublisher {

    private final KafkaProducer<String, CodingAnswer> producer;

    AnswerPublisher(@Value("${kafka.bootstrap.servers}") String bootstrapServers,
                    @Value("${kafka.schema.registry.url}") String registryUrl) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, "coding-service-answers");
        this.producer = new KafkaProducer<>(config, new StringSerializer(),
                AvroSerdes.of(Topics.CODING_ANSWERS, Map.of("schema.registry.url", registryUrl)).serializer());
    }

    /** Sends the answer and waits until Kafka has it. */
    public void publish(CodingAnswer answer) throws ExecutionException, InterruptedException, TimeoutException {
        producer.send(new ProducerRecord<>(Topics.CODING_ANSWERS.name(), answer.getEncounterId(), answer))
                .get(30, TimeUnit.SECONDS);
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
