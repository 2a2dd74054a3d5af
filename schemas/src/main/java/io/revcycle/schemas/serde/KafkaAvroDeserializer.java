package io.revcycle.schemas.serde;

import io.revcycle.schemas.TrustedAvroPackages;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads values in the Confluent wire format: finds the writer schema by the id in the header
 * (cached after the first lookup) and decodes into the generated class (with
 * {@code specific.avro.reader=true}) or a generic record. Bytes not in the wire format, or naming an
 * unknown schema id, fail with a {@link SerializationException} that says so.
 */
public class KafkaAvroDeserializer implements Deserializer<Object> {

    static {
        TrustedAvroPackages.install();
    }

    private static final ThreadLocal<BinaryDecoder> DECODERS = new ThreadLocal<>();

    private AvroSerdeConfig config;
    private Schema readerSchema;
    private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();

    public KafkaAvroDeserializer() {
    }

    /** A deserializer around an explicit configuration. */
    public KafkaAvroDeserializer(AvroSerdeConfig config) {
        this.config = config;
    }

    /** Reads every record into this reader schema (schema resolution from the writer's). */
    KafkaAvroDeserializer withReaderSchema(Schema schema) {
        this.readerSchema = schema;
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.from(configs);
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        int id = WireFormat.schemaId(topic, data);
        DatumReader<Object> reader;
        try {
            reader = readers.computeIfAbsent(id, this::readerFor);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("record on topic " + topic + " names schema id " + id
                    + " that the registry cannot provide: " + e.getMessage(), e);
        }
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(
                    data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, DECODERS.get());
            DECODERS.set(decoder);
            return reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot decode record on topic " + topic + " with schema id " + id
                    + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private DatumReader<Object> readerFor(int id) {
        Schema writer = config.client().schemaById(id);
        if (readerSchema != null) {
            return new SpecificDatumReader<>(writer, readerSchema, SpecificData.getForSchema(readerSchema));
        }
        if (config.specificReader()) {
            SpecificData specific = SpecificData.get();
            Class<?> type = specific.getClass(writer);
            if (type == null || type == Object.class) {
                throw new SerializationException("no generated class for schema " + writer.getFullName()
                        + " (id " + id + ") on the classpath");
            }
            Schema reader = specific.getSchema(type);
            return new SpecificDatumReader<>(writer, reader, SpecificData.getForSchema(reader));
        }
        return (DatumReader<Object>) (DatumReader<?>) new GenericDatumReader<>(writer);
    }
}
