package io.revcycle.deploy.dashboard.topics;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Message rates from sampled end offsets and lag from committed offsets. */
class ClusterFiguresTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void theRateIsOffsetGrowthOverTheSlidingWindow() {
        MessageRates rates = new MessageRates(Duration.ofSeconds(10));
        rates.sample("t", T0, 1_000);
        assertNull(rates.perSecond("t"), "one sample says nothing about a rate");

        rates.sample("t", T0.plusSeconds(2), 1_300);
        assertEquals(new BigDecimal("150.0"), rates.perSecond("t"));

        // samples older than the window drop out: 4 s -> 14 s, 1_500 -> 1_502
        rates.sample("t", T0.plusSeconds(4), 1_500);
        rates.sample("t", T0.plusSeconds(14), 1_502);
        assertEquals(new BigDecimal("0.2"), rates.perSecond("t"));
    }

    @Test
    void aTopicWhoseOffsetsWentBackShowsNoNegativeRate() {
        MessageRates rates = new MessageRates(Duration.ofSeconds(10));
        rates.sample("t", T0, 500);
        rates.sample("t", T0.plusSeconds(3), 0);

        assertEquals(new BigDecimal("0.0"), rates.perSecond("t"));
    }

    @Test
    void lagIsEndMinusCommittedSummedPerTopicLeavingOutUnknownPartitions() {
        TopicPartition a0 = new TopicPartition("a", 0);
        TopicPartition a1 = new TopicPartition("a", 1);
        TopicPartition b0 = new TopicPartition("b", 0);
        TopicPartition gone = new TopicPartition("gone", 0);

        GroupLag lag = GroupLag.of("claim-builder", "CLASSIC", "STABLE",
                Map.of(a0, 90L, a1, 100L, b0, 7L, gone, 3L),
                Map.of(a0, 100L, a1, 100L, b0, 12L));

        assertEquals(15, lag.totalLag());
        assertEquals(List.of(new GroupLag.TopicLag("a", 10), new GroupLag.TopicLag("b", 5)), lag.topics());
    }
}
