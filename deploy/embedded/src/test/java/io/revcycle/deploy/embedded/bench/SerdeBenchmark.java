package io.revcycle.deploy.embedded.bench;

import io.revcycle.deploy.embedded.EmbeddedStack;
import io.revcycle.events.EncounterReceived;
import io.revcycle.schemas.SampleEvents;
import io.revcycle.schemas.Topics;
import io.revcycle.schemas.serde.AvroSerdes;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.serialization.Serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Serialize + deserialize throughput of realistic encounter events through our serde (Confluent
 * wire format, schema id from the real registry, warm cache) versus plain Avro binary encoding of
 * the same records, in the same run. Prints records/s of both and the serde's overhead.
 *
 * <p>Run: {@code mvn -pl deploy/embedded test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.revcycle.deploy.embedded.bench.SerdeBenchmark}
 */
public final class SerdeBenchmark {

    private static final int RECORDS = 2_000;
    private static final int ROUNDS = 5;
    private static final int PASSES = 60;

    private SerdeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<EncounterReceived> events = new ArrayList<>();
        SampleEvents samples = new SampleEvents(1);
        for (int i = 0; i < RECORDS; i++) {
            events.add(samples.sample(EncounterReceived.class));
        }
        try (EmbeddedStack stack = EmbeddedStack.startTemporary()) {
            Serde<EncounterReceived> serde = AvroSerdes.of(Topics.ENCOUNTERS,
                    Map.of("schema.registry.url", stack.registryUrl()));
            String topic = Topics.ENCOUNTERS.name();
            long bytes = 0;
            for (EncounterReceived e : events) {
                bytes += serde.serializer().serialize(topic, e).length;
            }
            System.out.printf("encounter event: %d bytes on average in the wire format%n", bytes / RECORDS);

            double bestSerde = 0;
            double bestPlain = 0;
            for (int round = 0; round < ROUNDS; round++) {
                bestPlain = Math.max(bestPlain, plainAvro(events));
                bestSerde = Math.max(bestSerde, serde(serde, topic, events));
                System.out.printf("round %d: plain Avro %,.0f records/s, serde %,.0f records/s%n",
                        round + 1, bestPlain, bestSerde);
            }
            System.out.printf("plain Avro binary (serialize+deserialize): %,.0f records/s%n", bestPlain);
            System.out.printf("serde, Confluent wire format, warm:      %,.0f records/s%n", bestSerde);
            System.out.printf("serde cost over plain Avro: %.1f%%%n", (bestPlain / bestSerde - 1) * 100);
        }
    }

    private static double serde(Serde<EncounterReceived> serde, String topic, List<EncounterReceived> events) {
        long start = System.nanoTime();
        long check = 0;
        for (int pass = 0; pass < PASSES; pass++) {
            for (EncounterReceived e : events) {
                byte[] b = serde.serializer().serialize(topic, e);
                check += serde.deserializer().deserialize(topic, b).getEncounterVersion();
            }
        }
        return rate(start, check);
    }

    private static double plainAvro(List<EncounterReceived> events) throws IOException {
        SpecificDatumWriter<EncounterReceived> writer = new SpecificDatumWriter<>(EncounterReceived.class);
        SpecificDatumReader<EncounterReceived> reader = new SpecificDatumReader<>(EncounterReceived.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        BinaryEncoder encoder = null;
        BinaryDecoder decoder = null;
        long start = System.nanoTime();
        long check = 0;
        for (int pass = 0; pass < PASSES; pass++) {
            for (EncounterReceived e : events) {
                out.reset();
                encoder = EncoderFactory.get().binaryEncoder(out, encoder);
                writer.write(e, encoder);
                encoder.flush();
                byte[] b = out.toByteArray();
                decoder = DecoderFactory.get().binaryDecoder(b, decoder);
                check += reader.read(null, decoder).getEncounterVersion();
            }
        }
        return rate(start, check);
    }

    private static double rate(long startNanos, long check) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        if (check == Long.MIN_VALUE) {
            System.out.println();
        }
        return RECORDS * (double) PASSES / seconds;
    }
}
