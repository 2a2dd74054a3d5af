package io.revcycle.deploy.kubernetes;

import io.revcycle.schemas.Topic;
import io.revcycle.schemas.Topics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The topic catalogue ({@link Topics#ALL}) written out for a real cluster, which does not run the
 * embedded stack that creates the topics itself: a list of Strimzi {@code KafkaTopic} resources and
 * a script that creates the same topics with Kafka's {@code kafka-topics.sh}. Both files are checked
 * in and a test fails when they no longer match the catalogue; run this main to rewrite them.
 */
public final class TopicList {

    /** File name of the Strimzi resources. */
    public static final String STRIMZI_FILE = "kafka-topics.yaml";
    /** File name of the kafka-topics.sh script. */
    public static final String SCRIPT_FILE = "create-topics";
    /** Replicas of every topic on a production cluster: three brokers, one may be lost without losing a write. */
    public static final int REPLICAS = 3;
    /** With acks=all, a write needs two in-sync copies, so one broker down stops nothing. */
    public static final int MIN_INSYNC_REPLICAS = 2;
    /** Strimzi cluster the topics belong to, as in Strimzi's own examples; the README says how to change it. */
    public static final String STRIMZI_CLUSTER = "my-cluster";

    private static final String GENERATED = "Generated from io.revcycle.schemas.Topics by io.revcycle.deploy.kubernetes.TopicList: do not edit.";

    private final List<Topic<?, ?>> topics;

    public TopicList(List<Topic<?, ?>> topics) {
        this.topics = List.copyOf(topics);
    }

    /** Writes both files into the given directory (the module's {@code topics} folder). */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: TopicList <output directory>");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        TopicList list = new TopicList(Topics.ALL);
        Files.writeString(dir.resolve(STRIMZI_FILE), list.strimziTopics(), StandardCharsets.UTF_8);
        Path script = dir.resolve(SCRIPT_FILE);
        Files.writeString(script, list.createTopicsScript(), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        System.out.println("wrote " + dir.resolve(STRIMZI_FILE) + " and " + script);
    }

    /** Topic-level configs of a topic on a production cluster. */
    public static Map<String, String> configs(Topic<?, ?> topic) {
        Map<String, String> configs = new TreeMap<>(topic.configs());
        configs.put("min.insync.replicas", Integer.toString(MIN_INSYNC_REPLICAS));
        return configs;
    }

    /** One Strimzi {@code KafkaTopic} per catalogue topic, as a multi-document YAML file. */
    public String strimziTopics() {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(GENERATED).append('\n');
        out.append("# Apply in the namespace the Strimzi Topic Operator watches, with the label naming your Kafka cluster.\n");
        for (Topic<?, ?> topic : topics) {
            out.append("---\n");
            out.append("# ").append(topic.description()).append('\n');
            out.append("apiVersion: kafka.strimzi.io/v1beta2\n");
            out.append("kind: KafkaTopic\n");
            out.append("metadata:\n");
            out.append("  name: ").append(topic.name()).append('\n');
            out.append("  labels:\n");
            out.append("    strimzi.io/cluster: ").append(STRIMZI_CLUSTER).append('\n');
            out.append("    app.kubernetes.io/part-of: revcycle\n");
            out.append("spec:\n");
            out.append("  topicName: ").append(topic.name()).append('\n');
            out.append("  partitions: ").append(topic.partitions()).append('\n');
            out.append("  replicas: ").append(REPLICAS).append('\n');
            out.append("  config:\n");
            configs(topic).forEach((key, value) -> out.append("    ").append(key).append(": \"").append(value).append("\"\n"));
        }
        return out.toString();
    }

    /** A bash script creating every catalogue topic with kafka-topics.sh; safe to run again. */
    public String createTopicsScript() {
        StringBuilder out = new StringBuilder();
        out.append("""
                #!/usr/bin/env bash
                # %s
                # Creates every topic of the pipeline on a Kafka cluster with Kafka's kafka-topics.sh; topics that
                # already exist are left as they are, so it is safe to run again.
                #
                # usage: create-topics --bootstrap-server HOST:PORT [--command-config FILE]
                #                      [--replication-factor N] [--min-insync-replicas N]
                # KAFKA_TOPICS names the kafka-topics command (default: kafka-topics.sh on the PATH).
                set -euo pipefail

                bootstrap=""
                command_config=()
                replication_factor=%d
                min_insync_replicas=%d
                kafka_topics="${KAFKA_TOPICS:-kafka-topics.sh}"

                while [[ $# -gt 0 ]]; do
                  case "$1" in
                    --bootstrap-server) bootstrap="$2"; shift 2 ;;
                    --command-config) command_config=(--command-config "$2"); shift 2 ;;
                    --replication-factor) replication_factor="$2"; shift 2 ;;
                    --min-insync-replicas) min_insync_replicas="$2"; shift 2 ;;
                    *) echo "unknown option: $1" >&2; exit 2 ;;
                  esac
                done
                if [[ -z "$bootstrap" ]]; then
                  echo "usage: create-topics --bootstrap-server HOST:PORT [--command-config FILE] [--replication-factor N] [--min-insync-replicas N]" >&2
                  exit 2
                fi

                # topic NAME PARTITIONS [CONFIG=VALUE ...]
                topic() {
                  local name="$1" partitions="$2" configs=()
                  shift 2
                  for config in "$@"; do configs+=(--config "$config"); done
                  "$kafka_topics" --bootstrap-server "$bootstrap" ${command_config[@]+"${command_config[@]}"} \\
                    --create --if-not-exists --topic "$name" --partitions "$partitions" \\
                    --replication-factor "$replication_factor" --config "min.insync.replicas=$min_insync_replicas" \\
                    ${configs[@]+"${configs[@]}"}
                }

                """.formatted(GENERATED, REPLICAS, MIN_INSYNC_REPLICAS));
        for (Topic<?, ?> topic : topics) {
            out.append("topic ").append(topic.name()).append(' ').append(topic.partitions());
            new TreeMap<>(topic.configs()).forEach((key, value) -> out.append(' ').append(key).append('=').append(value));
            out.append('\n');
        }
        return out.toString();
    }
}
