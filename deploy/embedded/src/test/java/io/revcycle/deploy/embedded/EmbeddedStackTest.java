package io.revcycle.deploy.embedded;

import io.revcycle.events.Code;
import io.revcycle.schemas.Topic;
import io.revcycle.schemas.Topics;
import io.revcycle.schemas.serde.RestSchemaRegistryClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

@ExtendWith(EmbeddedKafkaExtension.class)
class EmbeddedStackTest {

    @Test
    void createsEveryCatalogueTopicWithItsPartitionsAndCleanupPolicy() throws Exception {
        EmbeddedStack stack = EmbeddedKafkaExtension.stack();
        try (Admin admin = stack.broker().admin()) {
            List<String> names = Topics.ALL.stream().map(Topic::name).toList();
            Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get();
            for (Topic<?, ?> topic : Topics.ALL) {
                assertEquals(topic.partitions(), described.get(topic.name()).partitions().size(), topic.name());
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
                Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
                assertEquals(topic.cleanupPolicy().configValue(), config.get("cleanup.policy").value(), topic.name());
            }
        }
    }

    @Test
    void aRestartOnTheSameDataDirectoryKeepsTopicsAndSchemaIds(@TempDir Path dir) {
        int id;
        try (EmbeddedStack first = EmbeddedStack.start(dir, 0, 0)) {
            id = new RestSchemaRegistryClient(first.registryUrl()).register("restart-value", Code.getClassSchema());
        }
        try (EmbeddedStack second = EmbeddedStack.start(dir, 0, 0)) {
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(second.registryUrl());
            assertEquals(Code.getClassSchema(), client.schemaById(id));
            assertEquals(id, client.idOf("restart-value", Code.getClassSchema()));
        }
    }
}
