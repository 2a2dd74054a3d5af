package io.revcycle.schemas.serde;

import io.revcycle.schemas.TrustedAvroPackages;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serializes Avro records (specific or generic) in the Confluent wire format, registering or
 * looking up the schema under the topic's subject ({@code <topic>-value} or {@code <topic>-key}).
 * Accepts Confluent's config keys; thread-safe; no registry call once a schema's id is cached.
 */
public class KafkaAvroSerializer implements Serializer<Object> {

    static {
        TrustedAvroPackages.install();
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private AvroSerdeConfig config;
    private boolean isKey;
    private final Map<Schema, Integer> idBySchema = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();

    private static final class Buffers {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        BinaryEncoder encoder;
    }

    public KafkaAvroSerializer() {
    }

    /** A serializer around an explicit configuration. */
    public KafkaAvroSerializer(AvroSerdeConfig config, boolean isKey) {
        this.config = config;
        this.isKey = isKey;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.from(configs);
        this.isKey = isKey;
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (!(data instanceof GenericContainer record)) {
            throw new SerializationException("cannot serialize " + data.getClass().getName()
                    + " for topic " + topic + ": not an Avro record");
        }
        Schema recordSchema = record.getSchema();
        String subject = topic + (isKey ? "-key" : "-value");
        Schema writerSchema = recordSchema;
        int id;
        if (config.useLatestVersion()) {
            SchemaRegistryClient.RegisteredSchema latest = config.client().latest(subject);
            writerSchema = latest.schema();
            id = latest.id();
        } else {
            Integer cached = idBySchema.get(recordSchema);
            if (cached == null) {
                cached = config.autoRegister()
                        ? config.client().register(subject, recordSchema)
                        : config.client().idOf(subject, recordSchema);
                idBySchema.put(recordSchema, cached);
            }
            id = cached;
        }
        return encode(topic, id, writerSchema, data);
    }

    private byte[] encode(String topic, int id, Schema writerSchema, Object data) {
        Buffers buffers = BUFFERS.get();
        buffers.out.reset();
        buffers.out.write(new byte[WireFormat.HEADER_SIZE], 0, WireFormat.HEADER_SIZE);
        try {
            buffers.encoder = EncoderFactory.get().binaryEncoder(buffers.out, buffers.encoder);
            writers.computeIfAbsent(writerSchema, s -> writerFor(s, data)).write(data, buffers.encoder);
            buffers.encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot serialize " + writerSchema.getFullName()
                    + " for topic " + topic + ": " + e.getMessage(), e);
        }
        byte[] bytes = buffers.out.toByteArray();
        WireFormat.writeHeader(bytes, id);
        return bytes;
    }

    @SuppressWarnings("unchecked")
    private static DatumWriter<Object> writerFor(Schema schema, Object sample) {
        if (sample instanceof SpecificRecord) {
            return new SpecificDatumWriter<>(schema, SpecificData.getForSchema(schema));
        }
        return (DatumWriter<Object>) (DatumWriter<?>) new GenericDatumWriter<>(schema);
    }
}
