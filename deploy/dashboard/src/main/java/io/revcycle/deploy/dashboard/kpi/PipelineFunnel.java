package io.revcycle.deploy.dashboard.kpi;

import io.revcycle.events.ClaimState;

import java.util.Collection;

/**
 * How far the work got: encounters received, coded, made into claims, submitted, accepted by the
 * payer, and paid or denied. Claim stages count claims that ever reached the stage, so a claim
 * denied and then paid after correction counts in both.
 */
public record PipelineFunnel(long encounters, long coded, long claims, long submitted, long accepted,
                             long paid, long denied) {

    public static PipelineFunnel of(long encounters, long coded, Collection<ClaimFacts> claims) {
        return new PipelineFunnel(encounters, coded, claims.size(),
                count(claims, ClaimState.SUBMITTED),
                count(claims, ClaimState.ACCEPTED),
                claims.stream().filter(c -> c.hasReached(ClaimState.PAID) || c.hasReached(ClaimState.PARTIALLY_PAID)).count(),
                count(claims, ClaimState.DENIED));
    }

    private static long count(Collection<ClaimFacts> claims, ClaimState state) {
        return claims.stream().filter(c -> c.hasReached(state)).count();
    }
}
