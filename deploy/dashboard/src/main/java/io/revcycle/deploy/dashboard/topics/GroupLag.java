package io.revcycle.deploy.dashboard.topics;

import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far a consumer group (or Kafka Streams application) is behind: per topic, the sum over its
 * partitions of end offset minus committed offset. Partitions whose end offset is unknown are left
 * out rather than guessed.
 */
public record GroupLag(String groupId, String type, String state, long totalLag, List<TopicLag> topics) {

    public static GroupLag of(String groupId, String type, String state, Map<TopicPartition, Long> committed,
                              Map<TopicPartition, Long> endOffsets) {
        Map<String, Long> byTopic = new TreeMap<>();
        committed.forEach((partition, offset) -> {
            Long end = endOffsets.get(partition);
            if (end != null) {
                byTopic.merge(partition.topic(), Math.max(0, end - offset), Long::sum);
            }
        });
        List<TopicLag> topics = new ArrayList<>();
        byTopic.forEach((topic, lag) -> topics.add(new TopicLag(topic, lag)));
        return new GroupLag(groupId, type, state, topics.stream().mapToLong(TopicLag::lag).sum(), topics);
    }

    /** Lag of the group on one topic. */
    public record TopicLag(String topic, long lag) {
    }
}
