package io.revcycle.coding.queries;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;

import java.time.Instant;
import java.util.function.Supplier;

/** Open query count and the age of the oldest open query, read from the state store at each scrape. */
@Context
class QueryAgeMetrics {

    QueryAgeMetrics(MeterRegistry registry, QueryStore store) {
        Gauge.builder("coding.queries.open", store, s -> safely(() -> s.open().size()))
                .description("Provider queries waiting for an answer").register(registry);
        Gauge.builder("coding.queries.oldest.age.seconds", store,
                        s -> safely(() -> OpenQueries.oldestAge(s.open().stream(), Instant.now()).map(d -> d.toSeconds()).orElse(0L)))
                .description("Age of the oldest open provider query").register(registry);
    }

    private static double safely(Supplier<Number> value) {
        try {
            return value.get().doubleValue();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
