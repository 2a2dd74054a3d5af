package io.revcycle.deploy.embedded.bench;

import io.revcycle.deploy.embedded.EmbeddedStack;
import io.revcycle.events.EncounterReceived;
import io.revcycle.schemas.SampleEvents;
import io.revcycle.schemas.serde.KafkaAvroSerializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Produce and consume records/s of realistic Avro encounter events against the embedded broker,
 * with an idempotent producer and acks=all. Prints both rates.
 */
public final class BrokerThroughputBenchmark {

    private static final int RECORDS = 200_000;

    private BrokerThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        SampleEvents samples = new SampleEvents(3);
        List<EncounterReceived> events = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            events.add(samples.sample(EncounterReceived.class));
        }
        try (EmbeddedStack stack = EmbeddedStack.startTemporary()) {
            String topic = "bench-" + UUID.randomUUID();
            try (Admin admin = stack.broker().admin()) {
                admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
            }
            Map<String, Object> config = new HashMap<>(stack.clientProperties());
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
            KafkaAvroSerializer serializer = new KafkaAvroSerializer();
            serializer.configure(config, false);
            long bytes = 0;
            long start = System.nanoTime();
            try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config, new StringSerializer(), serializer)) {
                for (int i = 0; i < RECORDS; i++) {
                    EncounterReceived e = events.get(i % events.size());
                    producer.send(new ProducerRecord<>(topic, e.getEncounterId() + i, e));
                }
                producer.flush();
            }
            double produceSeconds = (System.nanoTime() - start) / 1e9;

            Map<String, Object> consumerConfig = new HashMap<>(stack.clientProperties());
            consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "bench");
            consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
            int read = 0;
            start = System.nanoTime();
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig,
                    new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(topic));
                while (read < RECORDS) {
                    for (var r : consumer.poll(Duration.ofMillis(500))) {
                        read++;
                        bytes += r.value().length;
                    }
                }
            }
            double consumeSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("records: %,d Avro encounter events, %d bytes on average%n", RECORDS, bytes / RECORDS);
            System.out.printf("produce (idempotent, acks=all): %,.0f records/s%n", RECORDS / produceSeconds);
            System.out.printf("consume:                        %,.0f records/s%n", RECORDS / consumeSeconds);
        }
    }
}
