package io.revcycle.ingest;

import io.revcycle.deploy.embedded.EmbeddedKafkaExtension;
import io.revcycle.schemas.Topic;
import io.revcycle.schemas.serde.AvroSerdeConfig;
import io.revcycle.schemas.serde.KafkaAvroDeserializer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads what the service published, from the embedded broker, as a downstream consumer would. */
public final class PublishedRecords {

    private PublishedRecords() {
    }

    /** Every value published so far to the topic under the key (reads the topic to its current end). */
    public static <V> List<V> values(Topic<String, V> topic, String key) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafkaExtension.stack().bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, KafkaAvroDeserializer.class);
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, EmbeddedKafkaExtension.stack().registryUrl());
        config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        List<V> values = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key()) && record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        values.add(topic.valueType().cast(record.value()));
                    }
                }
            }
        }
        return values;
    }
}
