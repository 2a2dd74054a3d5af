package io.revcycle.deploy.feed;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Outcome counts by channel, and the deliveries themselves when the feed was asked to keep them.
 *
 * @param unexpected deliveries whose outcome differs from the generator's expectation
 */
public record FeedReport(Map<Channel, Map<Outcome, Long>> counts, long sent, long unexpected, List<Delivery> deliveries) {

    /** The count of an outcome over all channels. */
    public long total(Outcome outcome) {
        return counts.values().stream().mapToLong(m -> m.getOrDefault(outcome, 0L)).sum();
    }

    /** The count of an outcome on a channel. */
    public long count(Channel channel, Outcome outcome) {
        return counts.getOrDefault(channel, Map.of()).getOrDefault(outcome, 0L);
    }

    /** A table for a terminal: one line per channel, then the totals. */
    public String table() {
        StringBuilder out = new StringBuilder(String.format("%-11s %9s %9s %9s %9s%n", "channel", "accepted", "duplicate", "rejected", "errors"));
        for (Channel c : Channel.values()) {
            out.append(String.format("%-11s %9d %9d %9d %9d%n", c.name().toLowerCase(), count(c, Outcome.ACCEPTED),
                    count(c, Outcome.DUPLICATE), count(c, Outcome.REJECTED), count(c, Outcome.ERROR)));
        }
        out.append(String.format("%-11s %9d %9d %9d %9d%n", "total", total(Outcome.ACCEPTED), total(Outcome.DUPLICATE),
                total(Outcome.REJECTED), total(Outcome.ERROR)));
        out.append(String.format("sent %d, outcome different from expectation %d%n", sent, unexpected));
        return out.toString();
    }

    /** Thread-safe counters the feed updates as answers come in. */
    static final class Counters {
        private final Map<Channel, Map<Outcome, LongAdder>> counts = new EnumMap<>(Channel.class);
        private final LongAdder sent = new LongAdder();
        private final LongAdder unexpected = new LongAdder();

        Counters() {
            for (Channel c : Channel.values()) {
                Map<Outcome, LongAdder> byOutcome = new EnumMap<>(Outcome.class);
                for (Outcome o : Outcome.values()) {
                    byOutcome.put(o, new LongAdder());
                }
                counts.put(c, byOutcome);
            }
        }

        void record(Delivery d) {
            counts.get(d.channel()).get(d.outcome()).increment();
            sent.increment();
            if (!d.asExpected()) {
                unexpected.increment();
            }
        }

        FeedReport snapshot(List<Delivery> deliveries) {
            Map<Channel, Map<Outcome, Long>> copy = new EnumMap<>(Channel.class);
            counts.forEach((c, byOutcome) -> {
                Map<Outcome, Long> m = new EnumMap<>(Outcome.class);
                byOutcome.forEach((o, n) -> m.put(o, n.sum()));
                copy.put(c, m);
            });
            return new FeedReport(copy, sent.sum(), unexpected.sum(), deliveries);
        }
    }
}
