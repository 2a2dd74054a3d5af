package io.revcycle.deploy.embedded;

import io.revcycle.schemas.SampleEvents;
import io.revcycle.schemas.Topic;
import io.revcycle.schemas.Topics;
import io.revcycle.schemas.serde.AvroSerdes;
import io.revcycle.schemas.serde.KafkaAvroSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.ConfluentKafkaContainer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An extra way to run the serde round trip: against Confluent Platform's own broker and Schema
 * Registry in containers, proving our serde speaks Confluent's REST API and wire format with the
 * real thing. Runs only where a Docker engine is available; the same round trip runs on the embedded
 * stack in {@link SerdeThroughRealTopicsTest} everywhere.
 */
@Testcontainers(disabledWithoutDocker = true)
class ConfluentPlatformCompatibilityTest {

    private static final String CONFLUENT_VERSION = "7.8.0";
    private static final Network NETWORK = Network.newNetwork();

    @Container
    static final ConfluentKafkaContainer KAFKA = new ConfluentKafkaContainer("confluentinc/cp-kafka:" + CONFLUENT_VERSION)
            .withNetwork(NETWORK)
            .withListener("kafka:19092");

    @Container
    static final GenericContainer<?> REGISTRY = new GenericContainer<>("confluentinc/cp-schema-registry:" + CONFLUENT_VERSION)
            .withNetwork(NETWORK)
            .withExposedPorts(8081)
            .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
            .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
            .dependsOn(KAFKA)
            .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));

    private final SampleEvents samples = new SampleEvents(11);

    @Test
    void everyEventTypeRoundTripsThroughConfluentsRegistryAndBroker() {
        String registryUrl = "http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(8081);
        for (Topic<?, ?> topic : Topics.ALL) {
            if (!topic.isDeadLetter()) {
                roundTrip(topic, registryUrl);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private <V extends SpecificRecord> void roundTrip(Topic<?, ?> anyTopic, String registryUrl) {
        Topic<String, V> topic = (Topic<String, V>) anyTopic;
        V event = samples.sample(topic.valueType());
        String key = UUID.randomUUID().toString();
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", KAFKA.getBootstrapServers());
        config.put("schema.registry.url", registryUrl);
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config, new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(topic.name(), key, event)).get();
        } catch (Exception e) {
            throw new AssertionError("producing to " + topic, e);
        }
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "confluent-" + key);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        var serde = AvroSerdes.of(topic, config);
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), serde.deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            V back = null;
            long deadline = System.currentTimeMillis() + 60_000;
            while (back == null && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        back = r.value();
                    }
                }
            }
            assertEquals(event, back, "round trip through Confluent Platform on " + topic.name());
        }
    }
}
