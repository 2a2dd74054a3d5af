package io.revcycle.deploy.dashboard.kpi;

import io.revcycle.events.ClaimState;

import java.util.Collection;

/**
 * Clean claim rate: claims that reached READY without ever failing the scrubber, over the claims
 * the scrubber has judged (reached READY or SCRUB_FAILED). A claim fixed after a scrub failure is
 * not clean: the rework is what the rate measures.
 */
public final class CleanClaimRate {

    private CleanClaimRate() {
    }

    public static Ratio of(Collection<ClaimFacts> claims) {
        long scrubbed = claims.stream()
                .filter(c -> c.hasReached(ClaimState.READY) || c.hasReached(ClaimState.SCRUB_FAILED))
                .count();
        long clean = claims.stream()
                .filter(c -> c.hasReached(ClaimState.READY) && !c.hasReached(ClaimState.SCRUB_FAILED))
                .count();
        return Ratio.of(clean, scrubbed);
    }
}
