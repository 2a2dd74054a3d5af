package io.revcycle.deploy.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.revcycle.events.EncounterReceived;
import io.revcycle.schemas.SampleEvents;
import io.revcycle.schemas.Topic;
import io.revcycle.schemas.Topics;
import io.revcycle.schemas.serde.AvroSerdes;
import io.revcycle.schemas.serde.KafkaAvroSerializer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The serde against the real broker and the real registry over HTTP. */
@ExtendWith(EmbeddedKafkaExtension.class)
class SerdeThroughRealTopicsTest {

    private final SampleEvents samples = new SampleEvents(42);
    private final EmbeddedStack stack = EmbeddedKafkaExtension.stack();

    @Test
    void everyEventTypeRoundTripsThroughItsCatalogueTopic() {
        for (Topic<?, ?> topic : Topics.ALL) {
            if (!topic.isDeadLetter()) {
                roundTrip(topic);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private <V extends SpecificRecord> void roundTrip(Topic<?, ?> anyTopic) {
        Topic<String, V> topic = (Topic<String, V>) anyTopic;
        V event = samples.sample(topic.valueType());
        String key = "round-trip-" + UUID.randomUUID();
        try (KafkaProducer<String, Object> producer = producer()) {
            producer.send(new ProducerRecord<>(topic.name(), key, event)).get();
        } catch (Exception e) {
            throw new AssertionError("producing to " + topic, e);
        }
        var serde = AvroSerdes.of(topic, Map.of("schema.registry.url", stack.registryUrl()));
        V back = consumeKey(topic.name(), key, serde.deserializer());
        assertEquals(event, back, "round trip through " + topic.name());
    }

    @Test
    void aRecordDecodesWithPlainAvroGivenTheSchemaFetchedByIdOverRest() throws Exception {
        EncounterReceived event = samples.sample(EncounterReceived.class);
        String key = "wire-" + UUID.randomUUID();
        try (KafkaProducer<String, Object> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.ENCOUNTERS.name(), key, event)).get();
        }
        byte[] bytes = consumeKey(Topics.ENCOUNTERS.name(), key, new ByteArrayDeserializer());

        assertEquals(0, bytes[0], "magic byte");
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(stack.registryUrl() + "/schemas/ids/" + id)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        JsonNode body = new ObjectMapper().readTree(response.body());
        Schema writer = new Schema.Parser().parse(body.get("schema").asText());

        GenericRecord decoded = new GenericDatumReader<GenericRecord>(writer)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
        assertEquals(event.getEncounterId(), decoded.get("encounterId").toString());
        assertEquals(event.getSourceSystem(), decoded.get("sourceSystem").toString());
        assertEquals(event.getHeader().getEventId(), ((GenericRecord) decoded.get("header")).get("eventId").toString());
    }

    private KafkaProducer<String, Object> producer() {
        Map<String, Object> config = new HashMap<>(stack.clientProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);
        return new KafkaProducer<>(config, new StringSerializer(), serializer);
    }

    private <V> V consumeKey(String topic, String key, Deserializer<V> deserializer) {
        Map<String, Object> config = new HashMap<>(stack.clientProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "serde-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), deserializer)) {
            consumer.subscribe(List.of(topic));
            List<V> found = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (found.isEmpty() && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        found.add(r.value());
                    }
                }
            }
            assertEquals(1, found.size(), "one record with key " + key + " on " + topic);
            return found.get(0);
        }
    }
}
