package io.revcycle.schemas.serde;

import io.revcycle.schemas.TrustedAvroPackages;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.util.HashMap;
import java.util.Map;

/**
 * A Kafka (Streams) {@link Serde} for generated Avro classes in the Confluent wire format.
 * {@code specific.avro.reader} is always on. Give it the class to read every record into that
 * class's schema (schema resolution from the writer's), as a consumer of an evolving topic should.
 *
 * @param <T> the generated record class
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

    static {
        TrustedAvroPackages.install();
    }

    private final KafkaAvroSerializer serializer;
    private final KafkaAvroDeserializer deserializer;

    /** A serde to configure with {@link #configure}; reads into the class named by the writer schema. */
    public SpecificAvroSerde() {
        this((Class<T>) null);
    }

    /** A serde to configure with {@link #configure}; reads into {@code type}. */
    public SpecificAvroSerde(Class<T> type) {
        this.serializer = new KafkaAvroSerializer();
        this.deserializer = new KafkaAvroDeserializer();
        if (type != null) {
            Schema schema = SpecificData.get().getSchema(type);
            deserializer.withReaderSchema(schema);
        }
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> withSpecific = new HashMap<>(configs);
        withSpecific.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        serializer.configure(withSpecific, isKey);
        deserializer.configure(withSpecific, isKey);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Serializer<T> serializer() {
        Serializer<?> s = serializer;
        return (Serializer<T>) s;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Deserializer<T> deserializer() {
        Deserializer<?> d = deserializer;
        return (Deserializer<T>) d;
    }
}
