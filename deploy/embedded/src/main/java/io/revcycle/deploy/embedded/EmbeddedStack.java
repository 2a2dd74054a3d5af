package io.revcycle.deploy.embedded;

import io.revcycle.deploy.kafka.EmbeddedKafkaBroker;
import io.revcycle.deploy.registry.SchemaRegistryServer;
import io.revcycle.schemas.Topic;
import io.revcycle.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * The embedded default: a real KRaft Kafka broker and the Confluent-compatible schema registry in
 * this JVM, with every topic of the catalogue created.
 */
public final class EmbeddedStack implements AutoCloseable {

    private final EmbeddedKafkaBroker broker;
    private final SchemaRegistryServer registry;

    private EmbeddedStack(EmbeddedKafkaBroker broker, SchemaRegistryServer registry) {
        this.broker = broker;
        this.registry = registry;
    }

    /** Random free ports and throw-away storage (tests). */
    public static EmbeddedStack startTemporary() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary();
        return startOn(broker, 0);
    }

    /**
     * Keeps broker data (topics, the {@code _schemas} topic and so every schema id) in
     * {@code dataDir}, so a restart on the same directory finds everything again.
     */
    public static EmbeddedStack start(Path dataDir, int kafkaPort, int registryPort) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), kafkaPort);
        return startOn(broker, registryPort);
    }

    private static EmbeddedStack startOn(EmbeddedKafkaBroker broker, int registryPort) {
        try {
            createCatalogueTopics(broker);
            SchemaRegistryServer registry = SchemaRegistryServer.start(broker.bootstrapServers(), registryPort);
            return new EmbeddedStack(broker, registry);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    /** Creates every catalogue topic that does not exist yet, with its partitions and cleanup policy. */
    public static void createCatalogueTopics(EmbeddedKafkaBroker broker) {
        try (Admin admin = broker.admin()) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (Topic<?, ?> topic : Topics.ALL) {
                if (!existing.contains(topic.name())) {
                    missing.add(new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(topic.configs()));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the catalogue topics: " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /** {@code bootstrap.servers} of the broker. */
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Base URL of the schema registry. */
    public String registryUrl() {
        return registry.url();
    }

    /** The broker, for admin access in tests and tools. */
    public EmbeddedKafkaBroker broker() {
        return broker;
    }

    /** Client settings pointing at this stack: bootstrap servers and registry URL. */
    public Map<String, Object> clientProperties() {
        return Map.of("bootstrap.servers", bootstrapServers(), "schema.registry.url", registryUrl());
    }

    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            broker.close();
        }
    }
}
