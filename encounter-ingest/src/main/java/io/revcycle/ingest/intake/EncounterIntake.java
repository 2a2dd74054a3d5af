package io.revcycle.ingest.intake;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.revcycle.events.EncounterRejected;
import io.revcycle.events.Finding;
import io.revcycle.events.Severity;
import io.revcycle.events.SourceFormat;
import io.revcycle.events.Transport;
import io.revcycle.ingest.encounter.EncounterEvents;
import io.revcycle.ingest.encounter.EncounterSubmission;
import io.revcycle.ingest.publish.EncounterPublisher;
import io.revcycle.ingest.publish.EncounterPublisher.Outcome;
import io.revcycle.ingest.validation.EncounterValidator;
import io.revcycle.ingest.validation.Problem;
import io.revcycle.schemas.EventHeaders;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The path every format shares once its input is read: validate, publish or refuse, and count.
 * Format adapters translate problem field paths into their own notation before refusing.
 */
@Singleton
public final class EncounterIntake {

    private final EncounterValidator validator;
    private final EncounterPublisher publisher;
    private final MeterRegistry meters;
    private final Map<SourceFormat, Timer> latency = new ConcurrentHashMap<>();

    EncounterIntake(EncounterPublisher publisher, MeterRegistry meters) {
        this.validator = new EncounterValidator(Clock.systemUTC());
        this.publisher = publisher;
        this.meters = meters;
    }

    /** Every problem of the submission (JSON model paths); empty when it may be accepted. */
    public List<Problem> validate(EncounterSubmission submission) {
        return validator.validate(submission);
    }

    /**
     * Publishes a validated submission (or finds it is a duplicate); completes once Kafka has it.
     */
    public CompletableFuture<Outcome> accept(EncounterSubmission submission, String sourceSystem, SourceFormat format) {
        long start = System.nanoTime();
        return publisher.publish(EncounterEvents.canonical(submission, sourceSystem), format, Instant.now())
                .whenComplete((outcome, error) -> {
                    if (outcome != null) {
                        count(outcome.duplicate() ? "duplicate" : "accepted", format, sourceSystem);
                        latency.computeIfAbsent(format, f -> Timer.builder("revcycle.ingest.latency")
                                        .description("Time from a valid encounter to Kafka's acknowledgment")
                                        .tag("format", tag(f))
                                        .publishPercentileHistogram()
                                        .register(meters))
                                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                    } else {
                        count("unavailable", format, sourceSystem);
                    }
                });
    }

    /** Counts a refused input without publishing it (the sender reads the synchronous answer). */
    public void refused(String sourceSystem, SourceFormat format) {
        count("rejected", format, sourceSystem);
    }

    /**
     * Counts a refused input and publishes it for operations (batch and MLLP paths, where the
     * sender may not read the answer). Problems carry field paths and rule messages only.
     */
    public CompletableFuture<Void> refusedAndPublished(String sourceSystem, SourceFormat format, Transport transport,
                                                       String externalId, byte[] rawInput, List<Problem> problems) {
        refused(sourceSystem, format);
        String inputHash = EncounterEvents.inputHash(rawInput);
        EncounterRejected rejection = EncounterRejected.newBuilder()
                .setHeader(EventHeaders.create(EncounterEvents.PRODUCER, externalId, null))
                .setSourceSystem(sourceSystem)
                .setSourceFormat(format)
                .setTransport(transport)
                .setExternalId(externalId)
                .setInputHash(inputHash)
                .setReceivedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setReasons(problems.stream().map(EncounterIntake::finding).toList())
                .build();
        return publisher.reject(rejection);
    }

    private static Finding finding(Problem p) {
        return Finding.newBuilder()
                .setRule(p.rule().name())
                .setSeverity(Severity.ERROR)
                .setField(p.field())
                .setMessage(p.message())
                .build();
    }

    private void count(String outcome, SourceFormat format, String sourceSystem) {
        meters.counter("revcycle.ingest.encounters", "outcome", outcome, "format", tag(format), "source", sourceSystem)
                .increment();
    }

    private static String tag(SourceFormat format) {
        return format.name().toLowerCase(Locale.ROOT);
    }
}
