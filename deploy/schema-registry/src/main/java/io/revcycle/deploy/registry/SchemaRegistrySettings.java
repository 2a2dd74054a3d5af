package io.revcycle.deploy.registry;

import java.time.Duration;

/**
 * Where the registry keeps its schemas and where it listens.
 *
 * @param bootstrapServers  Kafka cluster holding the {@code _schemas} topic
 * @param host              interface to listen on ({@code localhost}, or {@code 0.0.0.0} for every interface)
 * @param port              HTTP port, 0 for a random free one
 * @param topic             the storage topic, {@code _schemas} as in Confluent's registry
 * @param replicationFactor replication of the storage topic when the registry creates it
 * @param kafkaTimeout      how long to wait for Kafka before answering a write with a 5xx error
 */
public record SchemaRegistrySettings(String bootstrapServers, String host, int port, String topic,
                                     short replicationFactor, Duration kafkaTimeout) {

    public static final String DEFAULT_TOPIC = "_schemas";
    public static final int DEFAULT_PORT = 8085;
    public static final Duration DEFAULT_KAFKA_TIMEOUT = Duration.ofSeconds(30);

    public SchemaRegistrySettings {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers is required");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replicationFactor must be at least 1: " + replicationFactor);
        }
        if (kafkaTimeout == null || kafkaTimeout.toMillis() < 1000) {
            throw new IllegalArgumentException("kafkaTimeout must be at least one second: " + kafkaTimeout);
        }
    }

    /** Listens on localhost, stores in {@code _schemas} with replication 1. */
    public static SchemaRegistrySettings of(String bootstrapServers, int port) {
        return new SchemaRegistrySettings(bootstrapServers, "localhost", port, DEFAULT_TOPIC, (short) 1,
                DEFAULT_KAFKA_TIMEOUT);
    }
}
