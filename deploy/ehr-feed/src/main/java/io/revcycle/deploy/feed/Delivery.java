package io.revcycle.deploy.feed;

import io.revcycle.deploy.feed.generate.SyntheticEncounter;

/**
 * One encounter sent and what came back.
 *
 * @param detail the answer's status line or acknowledgment code, for diagnosis (never patient data)
 */
public record Delivery(SyntheticEncounter encounter, Channel channel, Outcome outcome, String detail) {

    /** True when ingest did what the generator expected (accepted or refused). */
    public boolean asExpected() {
        boolean accepted = outcome == Outcome.ACCEPTED || outcome == Outcome.DUPLICATE;
        return outcome != Outcome.ERROR && accepted == encounter.expectation().acceptedByIngest();
    }
}
