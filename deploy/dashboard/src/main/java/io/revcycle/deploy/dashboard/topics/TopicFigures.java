package io.revcycle.deploy.dashboard.topics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The cluster as last sampled through the Admin API: every catalogue topic with its end offset and
 * rate, and the lag of every consumer group. {@code error} says why the last sample failed (the
 * figures are then those of the last good sample).
 */
public record TopicFigures(Instant sampledAt, boolean reachable, String error, List<TopicRate> topics,
                           List<GroupLag> groups) {

    /** What a topic carries, for grouping on the page. */
    public enum Role { EVENTS, EXCEPTIONS, DEAD_LETTERS }

    /** One topic: partitions, end offset summed over partitions, messages per second (null while unknown). */
    public record TopicRate(String topic, Role role, int partitions, long endOffset, BigDecimal messagesPerSecond,
                            boolean exists) {
    }

    public static TopicFigures notYetSampled() {
        return new TopicFigures(null, false, "not sampled yet", List.of(), List.of());
    }
}
