package io.revcycle.deploy.dashboard.kpi;

import io.revcycle.events.ProcessingException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Records the pipeline could not handle: per exception topic the exceptions raised and those still
 * unresolved (a later copy with {@code resolved=true} closes one), per dead-letter topic the
 * records in it (each needs a person).
 */
public final class ExceptionQueues {

    private final Map<String, Map<String, Boolean>> resolvedByTopic = new TreeMap<>();
    private final Map<String, Long> deadLetters = new TreeMap<>();

    /** Makes the topic show with zero records before any arrives. */
    public void watchExceptions(String topic) {
        resolvedByTopic.computeIfAbsent(topic, t -> new HashMap<>());
    }

    /** Makes the dead-letter topic show with zero records before any arrives. */
    public void watchDeadLetters(String topic) {
        deadLetters.putIfAbsent(topic, 0L);
    }

    public void record(String topic, ProcessingException exception) {
        resolvedByTopic.computeIfAbsent(topic, t -> new HashMap<>())
                .merge(exception.getExceptionId(), exception.getResolved(), Boolean::logicalOr);
    }

    public void recordDeadLetter(String topic) {
        deadLetters.merge(topic, 1L, Long::sum);
    }

    public List<Queue> result() {
        List<Queue> queues = new ArrayList<>();
        resolvedByTopic.forEach((topic, resolved) -> queues.add(new Queue(topic, Kind.EXCEPTIONS, resolved.size(),
                resolved.values().stream().filter(r -> !r).count())));
        deadLetters.forEach((topic, count) -> queues.add(new Queue(topic, Kind.DEAD_LETTERS, count, count)));
        return queues;
    }

    /** What a queue holds. */
    public enum Kind { EXCEPTIONS, DEAD_LETTERS }

    /** Records in one topic and those still needing a person. */
    public record Queue(String topic, Kind kind, long records, long open) {
    }
}
