package io.revcycle.schemas;

import io.revcycle.events.EventHeader;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Builds the {@link EventHeader} every event carries. */
public final class EventHeaders {

    static {
        TrustedAvroPackages.install();
    }

    private EventHeaders() {
    }

    /** A new header with a random event id, the current time and no trace id. */
    public static EventHeader create(String producer, String encounterId, String claimId) {
        return create(Clock.systemUTC(), producer, encounterId, claimId, null);
    }

    /** A new header; {@code occurredAt} is truncated to milliseconds as timestamp-millis stores it. */
    public static EventHeader create(Clock clock, String producer, String encounterId, String claimId, String traceId) {
        return EventHeader.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now(clock).truncatedTo(ChronoUnit.MILLIS))
                .setEncounterId(encounterId)
                .setClaimId(claimId)
                .setProducer(producer)
                .setTraceId(traceId)
                .build();
    }

    /** A header for an event caused by another: same encounter, claim and trace, new id and time. */
    public static EventHeader following(EventHeader cause, String producer, String claimId) {
        return EventHeader.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setEncounterId(cause.getEncounterId())
                .setClaimId(claimId != null ? claimId : cause.getClaimId())
                .setProducer(producer)
                .setTraceId(cause.getTraceId() != null ? cause.getTraceId() : cause.getEventId())
                .build();
    }
}
