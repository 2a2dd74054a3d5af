package io.revcycle.deploy.dashboard.kpi;

import io.revcycle.events.Claim;
import io.revcycle.events.ClaimState;
import io.revcycle.events.ClaimTransition;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the KPIs need to know of one claim: where it stands, every state it ever reached, when it
 * was first submitted, whom it bills and what the payer still owes. No patient data.
 */
public record ClaimFacts(String claimId, String payerId, ClaimState state, Set<ClaimState> reached,
                         Instant firstSubmittedAt, LocalDate serviceDateFrom, BigDecimal balance) {

    public ClaimFacts {
        reached = Set.copyOf(reached);
    }

    /** The facts of the claim's latest record, keeping what earlier records showed (states reached, first submission). */
    public static ClaimFacts of(Claim claim, ClaimFacts previous) {
        EnumSet<ClaimState> reached = EnumSet.of(claim.getState());
        Instant submitted = null;
        for (ClaimTransition transition : claim.getHistory()) {
            reached.add(transition.getState());
            if (transition.getState() == ClaimState.SUBMITTED) {
                submitted = earliest(submitted, transition.getAt());
            }
        }
        if (submitted == null && claim.getSubmission() != null) {
            submitted = claim.getSubmission().getSubmittedAt();
        }
        if (previous != null) {
            reached.addAll(previous.reached());
            submitted = earliest(submitted, previous.firstSubmittedAt());
        }
        return new ClaimFacts(claim.getClaimId(), claim.getCoverage().getPayerId(), claim.getState(), reached,
                submitted, claim.getServiceDateFrom(), claim.getBalance());
    }

    public boolean hasReached(ClaimState candidate) {
        return reached.contains(candidate);
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
