package io.revcycle.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

import java.nio.ByteBuffer;

/**
 * The Confluent wire format: magic byte 0, the schema id as a 4-byte big-endian int, then the Avro
 * binary encoding of the value.
 */
public final class WireFormat {

    /** First byte of every framed value. */
    public static final byte MAGIC_BYTE = 0;
    /** Bytes before the Avro payload. */
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** Writes the 5-byte header into the start of {@code target}. */
    static void writeHeader(byte[] target, int schemaId) {
        target[0] = MAGIC_BYTE;
        target[1] = (byte) (schemaId >>> 24);
        target[2] = (byte) (schemaId >>> 16);
        target[3] = (byte) (schemaId >>> 8);
        target[4] = (byte) schemaId;
    }

    /**
     * The schema id of a framed value.
     *
     * @throws SerializationException if the bytes are not in the wire format
     */
    public static int schemaId(String topic, byte[] data) {
        if (data == null || data.length < HEADER_SIZE) {
            throw new SerializationException("record on topic " + topic + " is not in the Confluent Avro wire format: "
                    + (data == null ? "no bytes" : data.length + " bytes, fewer than the 5-byte header"));
        }
        if (data[0] != MAGIC_BYTE) {
            throw new SerializationException("record on topic " + topic + " is not in the Confluent Avro wire format: "
                    + "unknown magic byte " + data[0]);
        }
        return ByteBuffer.wrap(data, 1, 4).getInt();
    }
}
