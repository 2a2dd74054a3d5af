package io.revcycle.deploy.dashboard;

import io.revcycle.events.Acknowledgment;
import io.revcycle.events.AcknowledgmentKind;
import io.revcycle.events.AcknowledgmentResult;
import io.revcycle.events.Claim;
import io.revcycle.events.ClaimState;
import io.revcycle.events.ClaimTransition;
import io.revcycle.events.CodedEncounter;
import io.revcycle.events.CodingQuery;
import io.revcycle.events.Denial;
import io.revcycle.events.DenialAction;
import io.revcycle.events.DenialActionType;
import io.revcycle.events.DenialCategory;
import io.revcycle.events.EncounterReceived;
import io.revcycle.events.EncounterRejected;
import io.revcycle.events.PaymentPosted;
import io.revcycle.events.PostingType;
import io.revcycle.events.ProcessingException;
import io.revcycle.events.QueryStatus;
import io.revcycle.schemas.Money;
import io.revcycle.schemas.SampleEvents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Pipeline events for tests: filled-in samples with the fields the dashboard reads set to the
 * case at hand.
 */
public final class PipelineEvents {

    private final SampleEvents samples = new SampleEvents(7);

    public EncounterReceived encounter(String encounterId) {
        EncounterReceived e = samples.sample(EncounterReceived.class);
        e.setEncounterId(encounterId);
        e.getHeader().setEventId(UUID.randomUUID().toString());
        return e;
    }

    public CodedEncounter coded(String encounterId) {
        CodedEncounter e = samples.sample(CodedEncounter.class);
        e.setEncounterId(encounterId);
        e.setEncounter(encounter(encounterId));
        return e;
    }

    public EncounterRejected rejected() {
        EncounterRejected e = samples.sample(EncounterRejected.class);
        e.getHeader().setEventId(UUID.randomUUID().toString());
        return e;
    }

    public CodingQuery query(String queryId, QueryStatus status) {
        CodingQuery q = samples.sample(CodingQuery.class);
        q.setQueryId(queryId);
        q.setStatus(status);
        return q;
    }

    /**
     * A claim whose history walks through the given states, one day apart from {@code start}; the
     * current state is the last one. Balance is what the payer still owes.
     */
    public Claim claim(String claimId, String payerId, String balance, Instant start, ClaimState... states) {
        Claim c = samples.sample(Claim.class);
        c.setClaimId(claimId);
        c.getCoverage().setPayerId(payerId);
        List<ClaimTransition> history = new ArrayList<>();
        for (int i = 0; i < states.length; i++) {
            history.add(new ClaimTransition(states[i], start.plusSeconds(86_400L * i), null));
        }
        c.setHistory(history);
        c.setState(states[states.length - 1]);
        c.setSubmission(null);
        c.setBalance(Money.of(balance));
        c.setServiceDateFrom(LocalDate.of(2026, 1, 5));
        return c;
    }

    public Acknowledgment ack(String claimId, AcknowledgmentKind kind, AcknowledgmentResult result, Instant receivedAt) {
        Acknowledgment a = samples.sample(Acknowledgment.class);
        a.setClaimId(claimId);
        a.setKind(kind);
        a.setResult(result);
        a.setReceivedAt(receivedAt);
        return a;
    }

    public PaymentPosted payment(String claimId, String payerId, PostingType type, String paid, Instant postedAt) {
        PaymentPosted p = samples.sample(PaymentPosted.class);
        p.setPostingId(UUID.randomUUID().toString());
        p.setClaimId(claimId);
        p.setPayerId(payerId);
        p.setPostingType(type);
        p.setPaidAmount(Money.of(paid));
        p.setPostedAt(postedAt);
        return p;
    }

    public Denial denial(String denialId, String claimId, String payerId, DenialCategory category, String amount,
                         Instant deniedAt) {
        Denial d = samples.sample(Denial.class);
        d.setDenialId(denialId);
        d.setClaimId(claimId);
        d.setPayerId(payerId);
        d.setCategory(category);
        d.setDeniedAmount(Money.of(amount));
        d.getHeader().setOccurredAt(deniedAt);
        return d;
    }

    public DenialAction action(String claimId, String denialId, Instant decidedAt) {
        DenialAction a = samples.sample(DenialAction.class);
        a.setClaimId(claimId);
        a.setDenialId(denialId);
        a.setAction(DenialActionType.APPEAL);
        a.setDecidedAt(decidedAt);
        return a;
    }

    public ProcessingException exception(String exceptionId, boolean resolved) {
        ProcessingException e = samples.sample(ProcessingException.class);
        e.setExceptionId(exceptionId);
        e.setResolved(resolved);
        return e;
    }
}
