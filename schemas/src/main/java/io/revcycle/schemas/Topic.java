package io.revcycle.schemas;

import java.util.Map;
import java.util.Objects;

/**
 * One Kafka topic of the pipeline: its name, key and value types, how many partitions it has and
 * how it is cleaned up. Obtain instances from {@link Topics}; never spell a topic name elsewhere.
 *
 * @param <K> key type (the business id, always a string)
 * @param <V> value type (a generated Avro record, or {@code byte[]} for dead-letter topics)
 */
public final class Topic<K, V> {

    /** How the broker cleans up a topic. */
    public enum CleanupPolicy {
        /** Keep records for the retention time. */
        DELETE,
        /** Keep the latest record per key (entity state topics). */
        COMPACT;

        /** The value of the topic config {@code cleanup.policy}. */
        public String configValue() {
            return name().toLowerCase();
        }
    }

    private final String name;
    private final Class<K> keyType;
    private final Class<V> valueType;
    private final int partitions;
    private final CleanupPolicy cleanupPolicy;
    private final String description;

    Topic(String name, Class<K> keyType, Class<V> valueType, int partitions, CleanupPolicy cleanupPolicy,
          String description) {
        this.name = Objects.requireNonNull(name);
        this.keyType = Objects.requireNonNull(keyType);
        this.valueType = Objects.requireNonNull(valueType);
        this.partitions = partitions;
        this.cleanupPolicy = Objects.requireNonNull(cleanupPolicy);
        this.description = Objects.requireNonNull(description);
    }

    /** The topic name on the broker. */
    public String name() {
        return name;
    }

    /** The key type. */
    public Class<K> keyType() {
        return keyType;
    }

    /** The value type. */
    public Class<V> valueType() {
        return valueType;
    }

    /** Partition count used when the topic is created. Topics joined together share it. */
    public int partitions() {
        return partitions;
    }

    /** Cleanup policy used when the topic is created. */
    public CleanupPolicy cleanupPolicy() {
        return cleanupPolicy;
    }

    /** What the topic carries, for operators. */
    public String description() {
        return description;
    }

    /** True for the dead-letter topics, whose values are the raw bytes that could not be read. */
    public boolean isDeadLetter() {
        return valueType == byte[].class;
    }

    /** Topic-level configs to create the topic with. */
    public Map<String, String> configs() {
        return Map.of("cleanup.policy", cleanupPolicy.configValue());
    }

    /** The Schema Registry subject of the value schema (TopicNameStrategy). */
    public String valueSubject() {
        return name + "-value";
    }

    @Override
    public String toString() {
        return name;
    }
}
