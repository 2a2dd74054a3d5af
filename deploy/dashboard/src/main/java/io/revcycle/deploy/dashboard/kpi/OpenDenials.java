package io.revcycle.deploy.dashboard.kpi;

import io.revcycle.events.ClaimState;
import io.revcycle.events.Denial;
import io.revcycle.events.DenialAction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Denials nobody has worked yet. A denial is worked when a follow-up action names it, when an
 * action on its claim names no denial but was decided at or after the denial, or when its claim
 * has moved on to an appeal, a correction, a write-off or closing.
 */
public final class OpenDenials {

    private static final Set<ClaimState> WORKED = EnumSet.of(ClaimState.APPEALED, ClaimState.CORRECTED,
            ClaimState.WRITTEN_OFF, ClaimState.CLOSED);

    private final Map<String, Denial> denials = new HashMap<>();
    private final Set<String> actedOnDenials = new HashSet<>();
    private final Map<String, List<Instant>> claimActions = new HashMap<>();

    public void record(Denial denial) {
        denials.put(denial.getDenialId(), denial);
    }

    public void record(DenialAction action) {
        if (action.getDenialId() != null) {
            actedOnDenials.add(action.getDenialId());
        } else {
            claimActions.computeIfAbsent(action.getClaimId(), c -> new ArrayList<>()).add(action.getDecidedAt());
        }
    }

    public long count(Map<String, ClaimFacts> claims) {
        return denials.values().stream().filter(d -> isOpen(d, claims.get(d.getClaimId()))).count();
    }

    private boolean isOpen(Denial denial, ClaimFacts claim) {
        if (actedOnDenials.contains(denial.getDenialId())) {
            return false;
        }
        if (claim != null && WORKED.contains(claim.state())) {
            return false;
        }
        Instant deniedAt = denial.getHeader().getOccurredAt();
        return claimActions.getOrDefault(denial.getClaimId(), List.of()).stream().noneMatch(at -> !at.isBefore(deniedAt));
    }
}
