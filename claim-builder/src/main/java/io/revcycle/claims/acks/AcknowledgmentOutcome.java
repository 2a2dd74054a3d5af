package io.revcycle.claims.acks;

import io.revcycle.events.Acknowledgment;
import io.revcycle.events.ProcessingException;

import java.util.List;

/**
 * What one acknowledgment file amounts to: either every claim's acknowledgment (applied together),
 * or a single exception and nothing applied.
 *
 * @param acknowledgments one per claim named in the file; empty when the file failed
 * @param failure         why the file could not be applied, or null
 */
public record AcknowledgmentOutcome(List<Acknowledgment> acknowledgments, ProcessingException failure) {

    public AcknowledgmentOutcome {
        acknowledgments = List.copyOf(acknowledgments);
    }

    static AcknowledgmentOutcome applied(List<Acknowledgment> acknowledgments) {
        return new AcknowledgmentOutcome(acknowledgments, null);
    }

    static AcknowledgmentOutcome failed(ProcessingException failure) {
        return new AcknowledgmentOutcome(List.of(), failure);
    }

    /** True when the file was applied. */
    public boolean isApplied() {
        return failure == null;
    }
}
