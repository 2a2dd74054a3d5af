package io.revcycle.schemas.serde;

import io.revcycle.events.EncounterReceived;
import io.revcycle.schemas.SampleEvents;
import io.revcycle.schemas.Topic;
import io.revcycle.schemas.Topics;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpecificAvroSerdeTest {

    private final SampleEvents samples = new SampleEvents(7);

    private static Map<String, Object> mockRegistry() {
        return Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + UUID.randomUUID());
    }

    @Test
    void everyCatalogueEventSurvivesARoundTrip() {
        Map<String, Object> config = mockRegistry();
        for (Topic<?, ?> topic : Topics.ALL) {
            if (topic.isDeadLetter()) {
                continue;
            }
            roundTrip(topic, config);
        }
    }

    @SuppressWarnings("unchecked")
    private <V extends SpecificRecord> void roundTrip(Topic<?, ?> anyTopic, Map<String, Object> config) {
        Topic<String, V> topic = (Topic<String, V>) anyTopic;
        V event = samples.sample(topic.valueType());
        var serde = AvroSerdes.of(topic, config);
        byte[] bytes = serde.serializer().serialize(topic.name(), event);
        V back = serde.deserializer().deserialize(topic.name(), bytes);
        assertEquals(event, back, "round trip of " + topic.valueType().getSimpleName());
    }

    @Test
    void framesValuesWithMagicByteAndBigEndianSchemaIdThenPlainAvro() throws Exception {
        Map<String, Object> config = mockRegistry();
        EncounterReceived event = samples.sample(EncounterReceived.class);
        var serde = AvroSerdes.of(Topics.ENCOUNTERS, config);
        byte[] bytes = serde.serializer().serialize(Topics.ENCOUNTERS.name(), event);

        assertEquals(0, bytes[0], "magic byte");
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        SchemaRegistryClient client = AvroSerdeConfig.from(config).client();
        assertEquals(EncounterReceived.getClassSchema(), client.schemaById(id));
        EncounterReceived plain = new SpecificDatumReader<EncounterReceived>(EncounterReceived.class)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
        assertEquals(event, plain, "payload after the 5-byte header is plain Avro binary");
    }

    @Test
    void refusesBytesThatAreNotInTheWireFormat() {
        var serde = AvroSerdes.of(Topics.ENCOUNTERS, mockRegistry());
        SerializationException wrongMagic = assertThrows(SerializationException.class,
                () -> serde.deserializer().deserialize(Topics.ENCOUNTERS.name(), new byte[] {7, 0, 0, 0, 1, 2}));
        assertTrue(wrongMagic.getMessage().contains("unknown magic byte 7"), wrongMagic.getMessage());
        SerializationException tooShort = assertThrows(SerializationException.class,
                () -> serde.deserializer().deserialize(Topics.ENCOUNTERS.name(), new byte[] {0, 1}));
        assertTrue(tooShort.getMessage().contains("not in the Confluent Avro wire format"), tooShort.getMessage());
    }

    @Test
    void refusesAnUnknownSchemaId() {
        var serde = AvroSerdes.of(Topics.ENCOUNTERS, mockRegistry());
        SerializationException e = assertThrows(SerializationException.class,
                () -> serde.deserializer().deserialize(Topics.ENCOUNTERS.name(), new byte[] {0, 0, 0, 4, 0, 2}));
        assertTrue(e.getMessage().contains("schema id 1024"), e.getMessage());
    }

    @Test
    void withoutAutoRegisterAnUnregisteredSchemaIsRefused() {
        Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + UUID.randomUUID(),
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false);
        var serde = AvroSerdes.of(Topics.ENCOUNTERS, config);
        EncounterReceived event = samples.sample(EncounterReceived.class);
        SchemaRegistryException e = assertThrows(SchemaRegistryException.class,
                () -> serde.serializer().serialize(Topics.ENCOUNTERS.name(), event));
        assertEquals(40403, e.errorCode());
    }

    @Test
    void useLatestVersionWritesWithTheSubjectsLatestSchemaId() {
        String scope = "mock://" + UUID.randomUUID();
        SchemaRegistryClient client = AvroSerdeConfig.from(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, scope)).client();
        int id = client.register(Topics.ENCOUNTERS.valueSubject(), EncounterReceived.getClassSchema());
        var serde = AvroSerdes.of(Topics.ENCOUNTERS, Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, scope,
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false, AvroSerdeConfig.USE_LATEST_VERSION, true));
        byte[] bytes = serde.serializer().serialize(Topics.ENCOUNTERS.name(), samples.sample(EncounterReceived.class));
        assertEquals(id, ByteBuffer.wrap(bytes, 1, 4).getInt());
    }
}
