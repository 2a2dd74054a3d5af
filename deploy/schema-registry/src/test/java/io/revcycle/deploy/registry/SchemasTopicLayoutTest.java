package io.revcycle.deploy.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.revcycle.deploy.kafka.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.revcycle.deploy.registry.RegistryHttp.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The storage topic has Confluent's shape and record layout, both ways: what this registry writes
 * reads like Confluent's, and a topic written in Confluent's layout (with record types this
 * registry ignores, and a record nobody can read) is served.
 */
class SchemasTopicLayoutTest {

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.startTemporary();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void theRegistryCreatesACompactedSinglePartitionTopicAndWritesConfluentsKeysAndValues() throws Exception {
        String patient = fixture("compatibility/patient-v1.avsc");
        int id;
        try (SchemaRegistryServer registry = SchemaRegistryServer.start(broker.bootstrapServers(), 0)) {
            RegistryHttp http = new RegistryHttp(registry.url());
            id = http.register("layout-value", patient);
            http.setLevel("layout-value", "FULL");
            http.delete("/subjects/layout-value");
        }

        try (Admin admin = broker.admin()) {
            TopicDescription topic = admin.describeTopics(List.of("_schemas")).allTopicNames().get().get("_schemas");
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "_schemas");
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertEquals(1, topic.partitions().size());
            assertEquals("compact", config.get("cleanup.policy").value());
        }
        Map<String, String> latestByKey = readTopic("_schemas");
        String schemaKey = "{\"keytype\":\"SCHEMA\",\"subject\":\"layout-value\",\"version\":1,\"magic\":1}";
        String configKey = "{\"keytype\":\"CONFIG\",\"subject\":\"layout-value\",\"magic\":0}";
        assertTrue(latestByKey.containsKey(schemaKey), latestByKey.toString());
        JsonNode value = RegistryHttp.JSON.readTree(latestByKey.get(schemaKey));
        assertEquals("layout-value", value.get("subject").asText());
        assertEquals(1, value.get("version").asInt());
        assertEquals(id, value.get("id").asInt());
        assertEquals(new org.apache.avro.Schema.Parser().parse(patient).toString(), value.get("schema").asText());
        assertTrue(value.get("deleted").asBoolean(), "the soft delete is the latest record of the key");
        assertTrue(latestByKey.containsKey(configKey), latestByKey.toString());
        assertNull(latestByKey.get(configKey), "deleting the subject removed its level with a tombstone");
    }

    @Test
    void aTopicInConfluentsLayoutIsServedAndUnreadableRecordsAreSkipped() throws Exception {
        String topic = "_schemas_from_confluent";
        try (Admin admin = broker.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact")))).all().get();
        }
        String contact = new org.apache.avro.Schema.Parser()
                .parse(fixture("compatibility/contact-email-absent.avsc")).toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "{\"keytype\":\"NOOP\",\"magic\":0}", null));
            producer.send(new ProducerRecord<>(topic, "{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}",
                    "{\"compatibilityLevel\":\"FULL\"}"));
            for (int version = 1; version <= 2; version++) {
                producer.send(new ProducerRecord<>(topic,
                        "{\"keytype\":\"SCHEMA\",\"subject\":\"old-value\",\"version\":" + version + ",\"magic\":1}",
                        RegistryHttp.JSON.createObjectNode().put("subject", "old-value").put("version", version)
                                .put("id", 40 + version).put("schema", contact).put("deleted", false).toString()));
            }
            producer.send(new ProducerRecord<>(topic, "{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"old-value\",\"magic\":0}",
                    "{\"subject\":\"old-value\",\"version\":1}"));
            producer.send(new ProducerRecord<>(topic, "not json at all", "{\"broken\""));
            producer.send(new ProducerRecord<>(topic,
                    "{\"keytype\":\"SCHEMA\",\"subject\":\"kept-value\",\"version\":1,\"magic\":1}",
                    RegistryHttp.JSON.createObjectNode().put("subject", "kept-value").put("version", 1)
                            .put("id", 7).put("schema", contact).put("deleted", false).toString()));
            producer.flush();
            producer.send(new ProducerRecord<>(topic, "{\"keytype\":\"NOOP\",\"magic\":0}", null)).get();
        }

        SchemaRegistrySettings settings = new SchemaRegistrySettings(broker.bootstrapServers(), "localhost", 0, topic,
                (short) 1, SchemaRegistrySettings.DEFAULT_KAFKA_TIMEOUT);
        try (SchemaRegistryServer registry = SchemaRegistryServer.start(settings)) {
            RegistryHttp http = new RegistryHttp(registry.url());

            assertEquals("FULL", http.get("/config").json().get("compatibilityLevel").asText());
            assertEquals("[2]", http.get("/subjects/old-value/versions").body());
            assertEquals(42, http.get("/subjects/old-value/versions/latest").json().get("id").asInt());
            assertEquals(contact, http.get("/schemas/ids/41").json().get("schema").asText());
            assertEquals(7, http.get("/subjects/kept-value/versions/1").json().get("id").asInt());
            assertFalse(http.get("/subjects").body().contains("broken"));
            assertEquals(43, http.register("fresh-value", fixture("compatibility/patient-v1.avsc")));
        }
    }

    /** The latest value of every key, as compaction would leave it. */
    private static Map<String, String> readTopic(String topic) {
        Map<String, String> latest = new LinkedHashMap<>();
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    latest.put(record.key(), record.value());
                }
            }
        }
        return latest;
    }
}
