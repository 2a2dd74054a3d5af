package io.revcycle.coding.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.revcycle.coding.edits.EditFinding;
import io.revcycle.events.CodedEncounter;
import io.revcycle.events.CodingQuery;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;

/**
 * Coding metrics for Prometheus. Auto-coded rate and query rate are ratios of these counters, e.g.
 * {@code rate(coding_encounters_total{outcome="auto_coded"}[5m]) / rate(coding_encounters_total{outcome=~"coded|auto_coded"}[5m])}.
 */
@Singleton
final class MicrometerCodingMetrics implements CodingMetrics {

    private final MeterRegistry registry;
    private final Counter coded;
    private final Counter autoCoded;
    private final Timer codedLatency;
    private final Timer queryLatency;

    MicrometerCodingMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.coded = Counter.builder("coding.encounters").tag("outcome", "coded")
                .description("Encounter versions coded without computer-assisted codes").register(registry);
        this.autoCoded = Counter.builder("coding.encounters").tag("outcome", "auto_coded")
                .description("Encounter versions coded with at least one computer-assisted code").register(registry);
        this.codedLatency = Timer.builder("coding.latency").tag("outcome", "coded")
                .description("Time the coder spends on one encounter version").register(registry);
        this.queryLatency = Timer.builder("coding.latency").tag("outcome", "query")
                .description("Time the coder spends on one encounter version").register(registry);
    }

    @Override
    public void coded(CodedEncounter encounter, Duration took) {
        (encounter.getAutoCoded() ? autoCoded : coded).increment();
        codedLatency.record(took);
    }

    @Override
    public void queried(CodingQuery query, Duration took) {
        Counter.builder("coding.encounters").tag("outcome", "query").register(registry).increment();
        Counter.builder("coding.queries.raised").tag("reason", query.getReason().name()).register(registry).increment();
        queryLatency.record(took);
    }

    @Override
    public void editsFired(List<EditFinding> findings) {
        for (EditFinding f : findings) {
            Counter.builder("coding.edits.fired").tag("rule", f.rule())
                    .tag("severity", f.finding().getSeverity().name()).register(registry).increment();
        }
    }

    @Override
    public void deadLettered(String sourceTopic) {
        Counter.builder("coding.dead.letters").tag("topic", sourceTopic).register(registry).increment();
    }

    @Override
    public void ignored(String why) {
        Counter.builder("coding.inputs.ignored").tag("reason", why).register(registry).increment();
    }
}
