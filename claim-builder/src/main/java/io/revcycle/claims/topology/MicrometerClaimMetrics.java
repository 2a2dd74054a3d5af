package io.revcycle.claims.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.revcycle.claims.state.ClaimMetrics;
import jakarta.inject.Singleton;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Clean claim rate: claims that pass every scrub edit the first time, over all claims scrubbed
 * for the first time ({@code claims.scrub.first}, {@code claims.clean.rate}).
 */
@Singleton
final class MicrometerClaimMetrics implements ClaimMetrics {

    private final Counter clean;
    private final Counter failed;
    private final AtomicLong cleanCount = new AtomicLong();
    private final AtomicLong total = new AtomicLong();

    MicrometerClaimMetrics(MeterRegistry registry) {
        clean = Counter.builder("claims.scrub.first").tag("result", "clean")
                .description("Claims scrubbed for the first time, by result").register(registry);
        failed = Counter.builder("claims.scrub.first").tag("result", "failed")
                .description("Claims scrubbed for the first time, by result").register(registry);
        Gauge.builder("claims.clean.rate", this, m -> m.total.get() == 0 ? 1.0 : (double) m.cleanCount.get() / m.total.get())
                .description("Share of claims clean on their first scrub since start").register(registry);
    }

    @Override
    public void firstScrub(boolean passed) {
        total.incrementAndGet();
        if (passed) {
            cleanCount.incrementAndGet();
            clean.increment();
        } else {
            failed.increment();
        }
    }
}
