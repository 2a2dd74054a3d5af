package io.revcycle.deploy.dashboard.kpi;

import io.revcycle.events.ClaimState;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Work waiting on people: provider queries still open, claims the scrubber failed or the payer
 * rejected (both back with billing), inputs refused at the edge, denials not yet worked, and
 * claims submitted or accepted but unpaid longer than the follow-up threshold.
 */
public record StuckWork(long openCodingQueries, long scrubFailures, long rejectedClaims, long rejectedEncounters,
                        long openDenials, long unpaidPastThreshold, long unpaidThresholdDays) {

    private static final Set<ClaimState> AWAITING_PAYMENT = EnumSet.of(ClaimState.SUBMITTED, ClaimState.ACCEPTED);

    public static StuckWork of(long openCodingQueries, long rejectedEncounters, long openDenials,
                               Collection<ClaimFacts> claims, Instant now, Duration unpaidAfter) {
        Instant cutoff = now.minus(unpaidAfter);
        long unpaid = claims.stream()
                .filter(c -> AWAITING_PAYMENT.contains(c.state()))
                .filter(c -> c.firstSubmittedAt() != null && !c.firstSubmittedAt().isAfter(cutoff))
                .count();
        return new StuckWork(openCodingQueries,
                claims.stream().filter(c -> c.state() == ClaimState.SCRUB_FAILED).count(),
                claims.stream().filter(c -> c.state() == ClaimState.REJECTED).count(),
                rejectedEncounters, openDenials, unpaid, unpaidAfter.toDays());
    }
}
