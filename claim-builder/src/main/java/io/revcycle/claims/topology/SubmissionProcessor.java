package io.revcycle.claims.topology;

import io.revcycle.claims.submission.InterchangeJournal;
import io.revcycle.claims.submission.InterchangeSubmitter;
import io.revcycle.events.Claim;
import io.revcycle.events.ClaimType;
import io.revcycle.events.SubmissionBatch;
import io.revcycle.events.SubmissionStatus;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Batches READY claims per payer and claim type into interchanges. Runs in a single task (its
 * input is repartitioned to one partition) so control numbers form one sequence. A batch goes out
 * when it reaches the size limit, or from a wall-clock punctuator once it has waited the time
 * limit. Pending claims, open batches and the last control number live in changelogged stores
 * committed with the output (exactly-once).
 * <p>
 * Handing an interchange over cannot be rolled back with the transaction, and after a crash the
 * re-read claims would be batched differently. So every interchange is journaled on disk before
 * it is handed over, and before doing anything else after (re)initialisation the processor looks
 * at the journal: an entry beyond the restored last control number was handed over but its commit
 * was lost. It is delivered again identically, recorded, and its claims leave the pending batches
 * and are remembered so that their re-read READY records are not batched a second time.
 */
final class SubmissionProcessor implements Processor<String, Claim, String, SubmissionBatch> {

    /** Key of the last used control number in its store. */
    static final String LAST_CONTROL_NUMBER = "last";
    private static final long MAX_CONTROL_NUMBER = 999_999_999L;
    /**
     * A journal entry is dropped while running once it is this old and this many interchanges behind:
     * no transaction outlives transaction.timeout.ms, nor holds that many hand-overs within
     * commit.interval.ms, so by then its commit is certain (a lost one re-initialises the processor).
     */
    static final Duration JOURNAL_HORIZON = Duration.ofMinutes(1);
    static final int JOURNAL_KEEP = 100;
    private static final Logger LOG = LoggerFactory.getLogger(SubmissionProcessor.class);

    private final InterchangeSubmitter submitter;
    private final BatchLimits limits;
    private final Clock clock;
    private final Deque<Journaled> journaled = new ArrayDeque<>();
    private ProcessorContext<String, SubmissionBatch> context;
    private KeyValueStore<String, Claim> pending;
    private KeyValueStore<String, String> batches;
    private KeyValueStore<String, Long> controlNumbers;
    private KeyValueStore<String, String> sent;
    private KeyValueStore<String, String> interchanges;
    private boolean recovered;
    private boolean recoveryTried;

    /** A journal entry this processor wrote or delivered again, and when. */
    private record Journaled(long controlNumber, long atMillis) {
    }

    /**
     * @param maxClaims claims per interchange
     * @param maxWait   longest a claim waits for its batch to fill
     * @param checkEvery how often waiting batches are looked at
     */
    record BatchLimits(int maxClaims, Duration maxWait, Duration checkEvery) {
    }

    SubmissionProcessor(InterchangeSubmitter submitter, BatchLimits limits, Clock clock) {
        this.submitter = submitter;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, SubmissionBatch> context) {
        this.context = context;
        this.pending = context.getStateStore(ClaimStores.PENDING);
        this.batches = context.getStateStore(ClaimStores.BATCHES);
        this.controlNumbers = context.getStateStore(ClaimStores.CONTROL_NUMBERS);
        this.sent = context.getStateStore(ClaimStores.SENT);
        this.interchanges = context.getStateStore(ClaimStores.INTERCHANGES);
        // init runs again after a dirty close, on restored stores: the journal must be looked at again
        this.recovered = false;
        this.recoveryTried = false;
        journaled.clear();
        context.schedule(limits.checkEvery(), PunctuationType.WALL_CLOCK_TIME, this::flushWaited);
    }

    @Override
    public void process(Record<String, Claim> record) {
        if (!recoveryTried) {
            recover();
        }
        Claim claim = record.value();
        String sentBy = sent.get(claim.getClaimId());
        if (sentBy != null) {
            // re-read records come first after a restart: a later READY with another event id is a new one
            sent.delete(claim.getClaimId());
            if (sentBy.equals(claim.getHeader().getEventId())) {
                return;
            }
        }
        String batchKey = batchKey(claim.getCoverage().getPayerId(), claim.getClaimType());
        String pendingKey = batchKey + "|" + claim.getClaimId();
        if (pending.get(pendingKey) != null) {
            return;
        }
        pending.put(pendingKey, claim);
        String open = batches.get(batchKey);
        long openedAt = open == null ? clock.millis() : Long.parseLong(open.substring(0, open.indexOf(':')));
        int count = open == null ? 1 : Integer.parseInt(open.substring(open.indexOf(':') + 1)) + 1;
        batches.put(batchKey, openedAt + ":" + count);
        if (count >= limits.maxClaims() && recovered) {
            flush(batchKey);
        }
    }

    private void flushWaited(long wallClockMillis) {
        recover();
        if (!recovered) {
            return;
        }
        forgetCommitted();
        List<String> due = new ArrayList<>();
        try (KeyValueIterator<String, String> open = batches.all()) {
            while (open.hasNext()) {
                KeyValue<String, String> batch = open.next();
                long openedAt = Long.parseLong(batch.value.substring(0, batch.value.indexOf(':')));
                if (clock.millis() - openedAt >= limits.maxWait().toMillis()) {
                    due.add(batch.key);
                }
            }
        }
        due.forEach(this::flush);
    }

    private void flush(String batchKey) {
        List<Claim> claims = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, Claim> members = pending.prefixScan(batchKey + "|", Serdes.String().serializer())) {
            while (members.hasNext()) {
                KeyValue<String, Claim> member = members.next();
                keys.add(member.key);
                claims.add(member.value);
            }
        }
        if (claims.isEmpty()) {
            batches.delete(batchKey);
            return;
        }
        Long last = controlNumbers.get(LAST_CONTROL_NUMBER);
        long controlNumber = last == null || last >= MAX_CONTROL_NUMBER ? 1 : last + 1;
        controlNumbers.put(LAST_CONTROL_NUMBER, controlNumber);
        String payerId = claims.get(0).getCoverage().getPayerId();
        ClaimType type = claims.get(0).getClaimType();
        SubmissionBatch batch = submitter.submit(payerId, type, controlNumber, claims);
        journaled.add(new Journaled(controlNumber, clock.millis()));
        if (batch.getStatus() == SubmissionStatus.SUBMITTED) {
            keys.forEach(pending::delete);
            batches.delete(batchKey);
            remember(batch);
        } else {
            // keep the claims; the batch is tried again with a new control number after another wait
            batches.put(batchKey, clock.millis() + ":" + claims.size());
        }
        context.forward(new Record<>(batch.getBatchId(), batch, clock.millis()));
    }

    /**
     * Settles the journal against the restored stores, once per initialisation. When a delivery
     * again fails nothing is changed, and it is tried again at each punctuation (not for every
     * record: the gateway's retries would stall the stream); meanwhile no batch goes out, so the
     * interchange's control number cannot be taken by another one.
     */
    private void recover() {
        if (recovered) {
            return;
        }
        // on a retry the store also holds what the first look delivered again, not committed yet
        boolean firstLook = !recoveryTried;
        recoveryTried = true;
        Long restored = controlNumbers.get(LAST_CONTROL_NUMBER);
        long last = restored == null ? 0 : restored;
        List<Long> uncommitted = new ArrayList<>();
        for (long controlNumber : submitter.journaledControlNumbers()) {
            if (follows(controlNumber, last)) {
                uncommitted.add(controlNumber);
            } else if (firstLook) {
                submitter.forget(controlNumber);
            }
        }
        uncommitted.sort(Comparator.comparingLong(controlNumber -> Math.floorMod(controlNumber - last, MAX_CONTROL_NUMBER)));
        for (long controlNumber : uncommitted) {
            InterchangeJournal.Entry entry = submitter.journaled(controlNumber);
            SubmissionBatch batch = submitter.redeliver(entry);
            if (batch.getStatus() != SubmissionStatus.SUBMITTED) {
                LOG.warn("Interchange {} handed over before a crash could not be delivered again, retrying: {}",
                        batch.getBatchId(), batch.getError());
                return;
            }
            LOG.info("Interchange {} handed over before a crash delivered again ({} claims)", batch.getBatchId(),
                    entry.claims().size());
            controlNumbers.put(LAST_CONTROL_NUMBER, entry.controlNumber());
            String batchKey = batchKey(entry.payerId(), entry.claimType());
            for (InterchangeJournal.SentClaim claim : entry.claims()) {
                // a claim still pending was read in a committed transaction; the others will be read again
                if (pending.delete(batchKey + "|" + claim.claimId()) == null) {
                    sent.put(claim.claimId(), claim.readyEventId());
                }
            }
            recount(batchKey);
            remember(batch);
            journaled.add(new Journaled(entry.controlNumber(), clock.millis()));
            context.forward(new Record<>(batch.getBatchId(), batch, clock.millis()));
        }
        recovered = true;
    }

    /** Records which claims went out in the interchange, in transaction-set order, for its 999. */
    private void remember(SubmissionBatch batch) {
        interchanges.put(batch.getInterchangeControlNumber(), String.join(",", batch.getClaimIds()));
    }

    /** Whether the control number comes after the last one in the wrapping sequence. */
    private static boolean follows(long controlNumber, long last) {
        long distance = Math.floorMod(controlNumber - last, MAX_CONTROL_NUMBER);
        return distance != 0 && distance < MAX_CONTROL_NUMBER / 2;
    }

    /** Sets an open batch's claim count to what is left pending after claims went out elsewhere. */
    private void recount(String batchKey) {
        int count = 0;
        try (KeyValueIterator<String, Claim> members = pending.prefixScan(batchKey + "|", Serdes.String().serializer())) {
            while (members.hasNext()) {
                members.next();
                count++;
            }
        }
        String open = batches.get(batchKey);
        if (count == 0) {
            batches.delete(batchKey);
        } else {
            String openedAt = open == null ? Long.toString(clock.millis()) : open.substring(0, open.indexOf(':'));
            batches.put(batchKey, openedAt + ":" + count);
        }
    }

    private void forgetCommitted() {
        long now = clock.millis();
        while (journaled.size() > JOURNAL_KEEP && now - journaled.peekFirst().atMillis() >= JOURNAL_HORIZON.toMillis()) {
            submitter.forget(journaled.pollFirst().controlNumber());
        }
    }

    private static String batchKey(String payerId, ClaimType type) {
        return payerId + "|" + type;
    }
}
