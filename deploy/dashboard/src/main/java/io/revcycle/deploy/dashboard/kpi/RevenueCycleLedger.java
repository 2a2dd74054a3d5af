package io.revcycle.deploy.dashboard.kpi;

import io.revcycle.events.Acknowledgment;
import io.revcycle.events.Claim;
import io.revcycle.events.CodedEncounter;
import io.revcycle.events.CodingQuery;
import io.revcycle.events.Denial;
import io.revcycle.events.DenialAction;
import io.revcycle.events.EncounterReceived;
import io.revcycle.events.EncounterRejected;
import io.revcycle.events.PaymentPosted;
import io.revcycle.events.ProcessingException;
import io.revcycle.events.QueryStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the dashboard has read of the pipeline's events, reduced to what the KPIs need, and
 * the report computed from it. Replaying the same events gives the same figures: entities are kept
 * by their ids, so an event read twice changes nothing. One writer (the event reader) and many
 * readers (page requests), hence synchronized.
 */
public final class RevenueCycleLedger {

    private final Duration unpaidAfter;
    private final Set<String> encounters = new HashSet<>();
    private final Set<String> coded = new HashSet<>();
    private final Set<String> rejections = new HashSet<>();
    private final Map<String, QueryStatus> queries = new HashMap<>();
    private final Map<String, ClaimFacts> claims = new HashMap<>();
    private final FirstPassAcceptance firstPass = new FirstPassAcceptance();
    private final DenialRates denialRates = new DenialRates();
    private final OpenDenials openDenials = new OpenDenials();
    private final DaysToPayment daysToPayment = new DaysToPayment();
    private final ExceptionQueues exceptionQueues = new ExceptionQueues();
    private long eventsRead;

    /** @param unpaidAfter how long a submitted claim may go unpaid before it counts as stuck */
    public RevenueCycleLedger(Duration unpaidAfter) {
        this.unpaidAfter = unpaidAfter;
    }

    public synchronized void watchExceptions(String topic) {
        exceptionQueues.watchExceptions(topic);
    }

    public synchronized void watchDeadLetters(String topic) {
        exceptionQueues.watchDeadLetters(topic);
    }

    /** Takes one event of the pipeline; the topic tells exception queues apart. */
    public synchronized void apply(String topic, Object event) {
        eventsRead++;
        if (event instanceof EncounterReceived e) {
            encounters.add(e.getEncounterId());
        } else if (event instanceof CodedEncounter e) {
            coded.add(e.getEncounterId());
        } else if (event instanceof EncounterRejected e) {
            rejections.add(e.getHeader().getEventId());
        } else if (event instanceof CodingQuery e) {
            queries.put(e.getQueryId(), e.getStatus());
        } else if (event instanceof Claim e) {
            claims.put(e.getClaimId(), ClaimFacts.of(e, claims.get(e.getClaimId())));
        } else if (event instanceof Acknowledgment e) {
            firstPass.record(e);
        } else if (event instanceof PaymentPosted e) {
            denialRates.record(e);
            daysToPayment.record(e);
        } else if (event instanceof Denial e) {
            denialRates.record(e);
            openDenials.record(e);
        } else if (event instanceof DenialAction e) {
            openDenials.record(e);
        } else if (event instanceof ProcessingException e) {
            exceptionQueues.record(topic, e);
        } else {
            eventsRead--;
        }
    }

    /** A record of a dead-letter topic (its content is unreadable by definition). */
    public synchronized void deadLetter(String topic) {
        eventsRead++;
        exceptionQueues.recordDeadLetter(topic);
    }

    public synchronized KpiReport report(Instant now) {
        Collection<ClaimFacts> all = List.copyOf(claims.values());
        long open = queries.values().stream().filter(s -> s == QueryStatus.OPEN).count();
        return new KpiReport(now, eventsRead,
                PipelineFunnel.of(encounters.size(), coded.size(), all),
                StuckWork.of(open, rejections.size(), openDenials.count(claims), all, now, unpaidAfter),
                CleanClaimRate.of(all),
                firstPass.result(),
                denialRates.result(),
                daysToPayment.result(all),
                ReceivablesAging.of(all, now.atZone(ZoneOffset.UTC).toLocalDate()),
                new ArrayList<>(exceptionQueues.result()));
    }

    /** All KPIs as of one instant. */
    public record KpiReport(Instant asOf, long eventsRead, PipelineFunnel funnel, StuckWork stuckWork,
                            Ratio cleanClaimRate, Ratio firstPassAcceptance, DenialRates.Result denials,
                            DaysToPayment.Result daysToPayment, ReceivablesAging.Result receivablesAging,
                            List<ExceptionQueues.Queue> exceptionQueues) {
    }
}
