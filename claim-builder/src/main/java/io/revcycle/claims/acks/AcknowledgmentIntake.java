package io.revcycle.claims.acks;

import io.revcycle.events.ProcessingException;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Applies one acknowledgment file (from the inbox or the HTTP endpoint): reads it against the
 * claim table and publishes either all its acknowledgments or one exception.
 */
@Singleton
public class AcknowledgmentIntake {

    private final AcknowledgmentReader reader;
    private final AcknowledgmentPublisher publisher;

    public AcknowledgmentIntake(ClaimDirectory claims, AcknowledgmentPublisher publisher, Clock clock) {
        this.reader = new AcknowledgmentReader(claims, clock);
        this.publisher = publisher;
    }

    /**
     * Reads and publishes. A failure is published with {@code movedTo} naming where the caller
     * puts the file (null when it came over HTTP).
     */
    public AcknowledgmentOutcome receive(byte[] x12, String source, String movedToOnFailure) {
        AcknowledgmentOutcome outcome = reader.read(x12, source);
        if (outcome.isApplied()) {
            publisher.publish(outcome.acknowledgments());
        } else {
            ProcessingException failure = ProcessingException.newBuilder(outcome.failure()).setMovedTo(movedToOnFailure).build();
            publisher.publish(failure);
            outcome = new AcknowledgmentOutcome(outcome.acknowledgments(), failure);
        }
        return outcome;
    }
}
