package io.revcycle.deploy.dashboard.kpi;

import io.revcycle.deploy.dashboard.PipelineEvents;
import io.revcycle.events.QueryStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.revcycle.events.ClaimState.CREATED;
import static io.revcycle.events.ClaimState.READY;
import static io.revcycle.events.ClaimState.SCRUB_FAILED;
import static io.revcycle.events.ClaimState.SUBMITTED;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The ledger routes each event to its KPIs and gives the same figures when events are read again. */
class RevenueCycleLedgerTest {

    private static final Instant NOW = Instant.parse("2026-04-01T00:00:00Z");
    private final PipelineEvents events = new PipelineEvents();

    private List<Object> someEvents() {
        List<Object> list = new ArrayList<>();
        list.add(events.encounter("E1"));
        list.add(events.encounter("E2"));
        list.add(events.coded("E1"));
        list.add(events.query("Q1", QueryStatus.OPEN));
        list.add(events.query("Q2", QueryStatus.OPEN));
        list.add(events.query("Q2", QueryStatus.ANSWERED));
        list.add(events.rejected());
        list.add(events.claim("C1", "P", "10.00", NOW.minusSeconds(86_400L * 3), CREATED, READY, SUBMITTED));
        list.add(events.claim("C2", "P", "10.00", NOW.minusSeconds(86_400L * 3), CREATED, SCRUB_FAILED));
        return list;
    }

    @Test
    void readingTheSameEventsTwiceChangesNoFigure() {
        RevenueCycleLedger once = new RevenueCycleLedger(Duration.ofDays(30));
        RevenueCycleLedger twice = new RevenueCycleLedger(Duration.ofDays(30));
        List<Object> list = someEvents();
        list.forEach(e -> once.apply("topic", e));
        list.forEach(e -> twice.apply("topic", e));
        list.forEach(e -> twice.apply("topic", e));

        RevenueCycleLedger.KpiReport a = once.report(NOW);
        RevenueCycleLedger.KpiReport b = twice.report(NOW);

        assertEquals(new PipelineFunnel(2, 1, 2, 1, 0, 0, 0), a.funnel());
        assertEquals(a.funnel(), b.funnel());
        assertEquals(a.stuckWork(), b.stuckWork());
        assertEquals(a.cleanClaimRate(), b.cleanClaimRate());
        assertEquals(1, a.stuckWork().openCodingQueries());
        assertEquals(1, a.stuckWork().rejectedEncounters());
        assertEquals(Ratio.of(1, 2), a.cleanClaimRate());
        assertEquals(9, a.eventsRead());
    }
}
