package io.revcycle.deploy.dashboard.topics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Messages per second of each topic, from its end offsets (summed over partitions) sampled over
 * time: the offset growth over the sliding window divided by the window's length. Offsets also
 * advance for transaction markers, so on transactional topics the figure slightly overstates.
 */
public final class MessageRates {

    private final Duration window;
    private final Map<String, Deque<Sample>> samples = new HashMap<>();

    public MessageRates(Duration window) {
        this.window = window;
    }

    public synchronized void sample(String topic, Instant at, long endOffset) {
        Deque<Sample> deque = samples.computeIfAbsent(topic, t -> new ArrayDeque<>());
        deque.addLast(new Sample(at, endOffset));
        Instant oldest = at.minus(window);
        while (deque.size() > 2 && deque.peekFirst().at().isBefore(oldest)) {
            deque.removeFirst();
        }
    }

    /** Messages per second to one decimal, null until two samples a moment apart exist. */
    public synchronized BigDecimal perSecond(String topic) {
        Deque<Sample> deque = samples.get(topic);
        if (deque == null || deque.size() < 2) {
            return null;
        }
        Sample first = deque.peekFirst();
        Sample last = deque.peekLast();
        long millis = Duration.between(first.at(), last.at()).toMillis();
        if (millis <= 0) {
            return null;
        }
        long grown = Math.max(0, last.endOffset() - first.endOffset());
        return BigDecimal.valueOf(grown * 1000L).divide(BigDecimal.valueOf(millis), 1, RoundingMode.HALF_UP);
    }

    private record Sample(Instant at, long endOffset) {
    }
}
