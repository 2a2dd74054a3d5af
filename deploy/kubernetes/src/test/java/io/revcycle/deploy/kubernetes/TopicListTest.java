package io.revcycle.deploy.kubernetes;

import io.revcycle.schemas.Topic;
import io.revcycle.schemas.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.revcycle.deploy.kubernetes.Manifests.at;
import static io.revcycle.deploy.kubernetes.Manifests.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checked-in topic list for a real cluster is the topic catalogue, and its script creates exactly it. */
class TopicListTest {

    private static final Path DIR = Repository.module().resolve("topics");

    @Test
    void checkedInFilesAreTheCatalogueWrittenOutByTopicList() {
        TopicList list = new TopicList(Topics.ALL);
        assertEquals(list.strimziTopics(), Repository.read(DIR.resolve(TopicList.STRIMZI_FILE)),
                "kafka-topics.yaml is stale: run io.revcycle.deploy.kubernetes.TopicList deploy/kubernetes/topics");
        assertEquals(list.createTopicsScript(), Repository.read(DIR.resolve(TopicList.SCRIPT_FILE)),
                "create-topics is stale: run io.revcycle.deploy.kubernetes.TopicList deploy/kubernetes/topics");
        assertTrue(Files.isExecutable(DIR.resolve(TopicList.SCRIPT_FILE)), "create-topics is executable");
    }

    @Test
    void strimziTopicsNameEveryCatalogueTopicWithItsPartitionsAndCleanupPolicy() {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        for (Object doc : new Yaml().loadAll(Repository.read(DIR.resolve(TopicList.STRIMZI_FILE)))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> topic = (Map<String, Object>) doc;
            assertEquals("KafkaTopic", topic.get("kind"));
            assertEquals("kafka.strimzi.io/v1beta2", topic.get("apiVersion"));
            byName.put(string(topic, "spec", "topicName"), topic);
        }
        assertEquals(Topics.ALL.stream().map(Topic::name).toList(), new ArrayList<>(byName.keySet()));
        for (Topic<?, ?> topic : Topics.ALL) {
            Map<String, Object> resource = byName.get(topic.name());
            assertEquals(topic.name(), string(resource, "metadata", "name"), "a valid Kubernetes name as it is");
            assertEquals(topic.partitions(), at(resource, "spec", "partitions"), topic.name());
            assertEquals(3, at(resource, "spec", "replicas"), topic.name());
            assertEquals(topic.cleanupPolicy().configValue(), string(resource, "spec", "config", "cleanup.policy"), topic.name());
            assertEquals("2", string(resource, "spec", "config", "min.insync.replicas"), topic.name());
            assertEquals(TopicList.STRIMZI_CLUSTER, string(resource, "metadata", "labels", "strimzi.io/cluster"), topic.name());
        }
    }

    @Test
    void topicsKustomizationAppliesTheListForOneNamedCluster() {
        @SuppressWarnings("unchecked")
        Map<String, Object> kustomization = new Yaml().load(Repository.read(DIR.resolve("kustomization.yaml")));
        assertEquals(List.of(TopicList.STRIMZI_FILE), kustomization.get("resources"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> labels = (List<Map<String, Object>>) kustomization.get("labels");
        assertEquals(TopicList.STRIMZI_CLUSTER, string(labels.get(0), "pairs", "strimzi.io/cluster"));
    }

    @Test
    void createTopicsAsksKafkaTopicsForEveryCatalogueTopic(@TempDir Path tmp) throws IOException, InterruptedException {
        Path kafkaTopics = Scripts.standIn(tmp, "kafka-topics.sh", "");
        Scripts.Run run = Scripts.run(DIR.resolve(TopicList.SCRIPT_FILE), tmp, tmp,
                Map.of("KAFKA_TOPICS", kafkaTopics.toString()),
                "--bootstrap-server", "broker:9093", "--command-config", "client.properties");
        assertEquals(0, run.exitCode(), run.output());
        List<String> expected = new ArrayList<>();
        for (Topic<?, ?> topic : Topics.ALL) {
            expected.add("--bootstrap-server broker:9093 --command-config client.properties --create --if-not-exists"
                    + " --topic " + topic.name() + " --partitions " + topic.partitions() + " --replication-factor 3"
                    + " --config min.insync.replicas=2 --config cleanup.policy=" + topic.cleanupPolicy().configValue());
        }
        assertEquals(expected, run.calls());
    }

    @Test
    void createTopicsTakesAnotherReplicationForASmallCluster(@TempDir Path tmp) throws IOException, InterruptedException {
        Path kafkaTopics = Scripts.standIn(tmp, "kafka-topics.sh", "");
        Scripts.Run run = Scripts.run(DIR.resolve(TopicList.SCRIPT_FILE), tmp, tmp, Map.of("KAFKA_TOPICS", kafkaTopics.toString()),
                "--bootstrap-server", "localhost:9092", "--replication-factor", "1", "--min-insync-replicas", "1");
        assertEquals(0, run.exitCode(), run.output());
        assertEquals(Topics.ALL.size(), run.calls().size());
        run.calls().forEach(call -> assertTrue(call.contains("--replication-factor 1 --config min.insync.replicas=1"), call));
    }

    @Test
    void createTopicsRefusesToRunWithoutABootstrapServer(@TempDir Path tmp) throws IOException, InterruptedException {
        Path kafkaTopics = Scripts.standIn(tmp, "kafka-topics.sh", "");
        Scripts.Run run = Scripts.run(DIR.resolve(TopicList.SCRIPT_FILE), tmp, tmp, Map.of("KAFKA_TOPICS", kafkaTopics.toString()));
        assertNotEquals(0, run.exitCode());
        assertTrue(run.output().contains("usage: create-topics"), run.output());
        assertEquals(List.of(), run.calls(), "nothing is created");
    }

    @Test
    void createTopicsStopsAtTheFirstTopicKafkaRefuses(@TempDir Path tmp) throws IOException, InterruptedException {
        Path kafkaTopics = Scripts.standIn(tmp, "kafka-topics.sh", "exit 1");
        Scripts.Run run = Scripts.run(DIR.resolve(TopicList.SCRIPT_FILE), tmp, tmp, Map.of("KAFKA_TOPICS", kafkaTopics.toString()),
                "--bootstrap-server", "broker:9093");
        assertNotEquals(0, run.exitCode());
        assertEquals(1, run.calls().size(), "a refusal (no rights, wrong address) is not repeated for every topic");
    }
}
