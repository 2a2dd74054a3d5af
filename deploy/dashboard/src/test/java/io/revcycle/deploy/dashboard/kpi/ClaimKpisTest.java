package io.revcycle.deploy.dashboard.kpi;

import io.revcycle.deploy.dashboard.PipelineEvents;
import io.revcycle.events.Claim;
import io.revcycle.events.SubmissionRef;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.revcycle.events.ClaimState.ACCEPTED;
import static io.revcycle.events.ClaimState.CREATED;
import static io.revcycle.events.ClaimState.DENIED;
import static io.revcycle.events.ClaimState.PAID;
import static io.revcycle.events.ClaimState.PARTIALLY_PAID;
import static io.revcycle.events.ClaimState.READY;
import static io.revcycle.events.ClaimState.REJECTED;
import static io.revcycle.events.ClaimState.SCRUB_FAILED;
import static io.revcycle.events.ClaimState.SUBMITTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The KPIs computed from the claim lifecycle alone: facts kept per claim, funnel, clean claim rate. */
class ClaimKpisTest {

    private static final Instant JAN_1 = Instant.parse("2026-01-01T10:00:00Z");
    private final PipelineEvents events = new PipelineEvents();

    private ClaimFacts facts(Claim claim) {
        return ClaimFacts.of(claim, null);
    }

    @Test
    void aClaimKeepsEveryStateItReachedAndItsFirstSubmissionAcrossRecords() {
        Claim submitted = events.claim("C1", "MEDICARE", "100.00", JAN_1, CREATED, READY, SUBMITTED);
        // A later record whose history was cut short still cannot forget what the first showed.
        Claim paid = events.claim("C1", "MEDICARE", "0.00", JAN_1.plusSeconds(86_400L * 5), PAID);

        ClaimFacts facts = ClaimFacts.of(paid, ClaimFacts.of(submitted, null));

        assertEquals(PAID, facts.state());
        assertTrue(facts.hasReached(READY) && facts.hasReached(SUBMITTED) && facts.hasReached(PAID));
        assertEquals(JAN_1.plusSeconds(86_400L * 2), facts.firstSubmittedAt());
        assertEquals(new BigDecimal("0.00"), facts.balance());
    }

    @Test
    void theSubmissionReferenceDatesAClaimWhoseHistoryHasNoSubmission() {
        Claim claim = events.claim("C1", "MEDICARE", "10.00", JAN_1, ACCEPTED);
        claim.setSubmission(new SubmissionRef("B1", "000000001", "0001", JAN_1.minusSeconds(3600)));

        assertEquals(JAN_1.minusSeconds(3600), facts(claim).firstSubmittedAt());
    }

    @Test
    void theFunnelCountsClaimsThatEverReachedEachStage() {
        List<ClaimFacts> claims = List.of(
                facts(events.claim("C1", "P", "0.00", JAN_1, CREATED, READY, SUBMITTED, ACCEPTED, PAID)),
                facts(events.claim("C2", "P", "50.00", JAN_1, CREATED, READY, SUBMITTED, ACCEPTED, PARTIALLY_PAID)),
                facts(events.claim("C3", "P", "80.00", JAN_1, CREATED, READY, SUBMITTED, ACCEPTED, DENIED)),
                facts(events.claim("C4", "P", "80.00", JAN_1, CREATED, READY, SUBMITTED, REJECTED)),
                facts(events.claim("C5", "P", "80.00", JAN_1, CREATED, SCRUB_FAILED)));

        PipelineFunnel funnel = PipelineFunnel.of(9, 7, claims);

        assertEquals(new PipelineFunnel(9, 7, 5, 4, 3, 2, 1), funnel);
    }

    @Test
    void aClaimFixedAfterAScrubFailureIsNotClean() {
        List<ClaimFacts> claims = List.of(
                facts(events.claim("C1", "P", "0.00", JAN_1, CREATED, READY, SUBMITTED)),
                facts(events.claim("C2", "P", "0.00", JAN_1, CREATED, READY)),
                facts(events.claim("C3", "P", "0.00", JAN_1, CREATED, SCRUB_FAILED, READY, SUBMITTED)),
                facts(events.claim("C4", "P", "0.00", JAN_1, CREATED, SCRUB_FAILED)),
                // not yet scrubbed: not in the rate at all
                facts(events.claim("C5", "P", "0.00", JAN_1, CREATED)));

        Ratio rate = CleanClaimRate.of(claims);

        assertEquals(2, rate.numerator());
        assertEquals(4, rate.denominator());
        assertEquals(new BigDecimal("0.5000"), rate.value());
    }

    @Test
    void aRatioIsRoundedHalfUpToFourPlacesAndUndefinedWithNothingCounted() {
        assertEquals(new BigDecimal("0.6667"), Ratio.of(2, 3).value());
        assertEquals(new BigDecimal("0.3333"), Ratio.of(1, 3).value());
        assertEquals(new BigDecimal("1.0000"), Ratio.of(7, 7).value());
        assertNull(Ratio.of(0, 0).value());
    }

    @Test
    void stuckWorkCountsClaimsByCurrentStateAndUnpaidOnesOnlyPastTheThreshold() {
        Instant now = Instant.parse("2026-03-01T00:00:00Z");
        // submitted (day 2 of the history) 40 and 20 days before now
        Instant longAgo = now.minusSeconds(86_400L * 42);
        Instant recently = now.minusSeconds(86_400L * 22);
        List<ClaimFacts> claims = List.of(
                facts(events.claim("OLD-SUBMITTED", "P", "10.00", longAgo, CREATED, READY, SUBMITTED)),
                facts(events.claim("OLD-ACCEPTED", "P", "10.00", longAgo, CREATED, READY, SUBMITTED, ACCEPTED)),
                facts(events.claim("NEW-ACCEPTED", "P", "10.00", recently, CREATED, READY, SUBMITTED, ACCEPTED)),
                facts(events.claim("OLD-PAID", "P", "0.00", longAgo, CREATED, READY, SUBMITTED, PAID)),
                facts(events.claim("FAILED", "P", "10.00", longAgo, CREATED, SCRUB_FAILED)),
                facts(events.claim("REJECTED", "P", "10.00", longAgo, CREATED, READY, SUBMITTED, REJECTED)));

        StuckWork work = StuckWork.of(3, 2, 1, claims, now, Duration.ofDays(30));

        assertEquals(new StuckWork(3, 1, 1, 2, 1, 2, 30), work);
    }
}
