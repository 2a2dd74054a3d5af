package io.revcycle.coding.topology;

import io.revcycle.coding.queries.AnsweredQuery;
import io.revcycle.events.CodingAnswer;
import io.revcycle.events.CodingQuery;
import io.revcycle.events.EncounterReceived;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * State-store serde for {@link CodingState}: a format byte, the version, then each event in Avro's
 * single-object encoding (schema fingerprint + binary), length-prefixed. The store is private to this
 * service, so it needs no registry; the fingerprint makes a schema change fail loudly, not silently.
 */
public final class CodingStateSerde implements Serde<CodingState> {

    private static final byte FORMAT = 1;

    @Override
    public Serializer<CodingState> serializer() {
        return (topic, state) -> state == null ? null : write(state);
    }

    @Override
    public Deserializer<CodingState> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    private static byte[] write(CodingState state) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(FORMAT);
            out.writeInt(state.version());
            writeOptional(out, state.encounter() == null ? null : state.encounter().toByteBuffer());
            writeOptional(out, state.openQuery() == null ? null : state.openQuery().toByteBuffer());
            out.writeInt(state.answered().size());
            for (AnsweredQuery a : state.answered()) {
                writeOptional(out, a.query().toByteBuffer());
                writeOptional(out, a.answer().toByteBuffer());
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new SerializationException("cannot write coding state", e);
        }
    }

    private static CodingState read(byte[] bytes) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new SerializationException("unknown coding state format " + format);
            }
            int version = in.readInt();
            ByteBuffer encounter = readOptional(in);
            ByteBuffer query = readOptional(in);
            int n = in.readInt();
            List<AnsweredQuery> answered = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                answered.add(new AnsweredQuery(CodingQuery.fromByteBuffer(readOptional(in)),
                        CodingAnswer.fromByteBuffer(readOptional(in))));
            }
            return new CodingState(version, encounter == null ? null : EncounterReceived.fromByteBuffer(encounter),
                    query == null ? null : CodingQuery.fromByteBuffer(query), answered);
        } catch (IOException e) {
            throw new SerializationException("cannot read coding state", e);
        }
    }

    private static void writeOptional(DataOutputStream out, ByteBuffer buffer) throws IOException {
        if (buffer == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(buffer.remaining());
        out.write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
    }

    private static ByteBuffer readOptional(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] b = new byte[length];
        in.readFully(b);
        return ByteBuffer.wrap(b);
    }
}
