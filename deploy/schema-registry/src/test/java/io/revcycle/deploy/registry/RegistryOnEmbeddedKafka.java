package io.revcycle.deploy.registry;

import io.revcycle.deploy.kafka.EmbeddedKafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One real KRaft broker and one registry on it for a whole test class. */
abstract class RegistryOnEmbeddedKafka {

    static EmbeddedKafkaBroker broker;
    static SchemaRegistryServer registry;
    static RegistryHttp http;

    @BeforeAll
    static void startBrokerAndRegistry() {
        broker = EmbeddedKafkaBroker.startTemporary();
        registry = SchemaRegistryServer.start(broker.bootstrapServers(), 0);
        http = new RegistryHttp(registry.url());
    }

    @AfterAll
    static void stopBrokerAndRegistry() {
        if (registry != null) {
            registry.close();
        }
        if (broker != null) {
            broker.close();
        }
    }
}
