package io.revcycle.claims.topology;

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

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Batches READY claims per payer and claim type into interchanges. Runs in a single task (its
 * input is repartitioned to one partition) so control numbers form one sequence. A batch goes out
 * when it reaches the size limit, or from a wall-clock punctuator once it has waited the time
 * limit. Pending claims, open batches and the last control number live in changelogged stores
 * committed with the output (exactly-once), so after a crash the same batch is rebuilt with the
 * same control number and file name and replaces the file rather than duplicating it.
 */
final class SubmissionProcessor implements Processor<String, Claim, String, SubmissionBatch> {

    /** Key of the last used control number in its store. */
    static final String LAST_CONTROL_NUMBER = "last";
    private static final long MAX_CONTROL_NUMBER = 999_999_999L;

    private final InterchangeSubmitter submitter;
    private final BatchLimits limits;
    private final Clock clock;
    private ProcessorContext<String, SubmissionBatch> context;
    private KeyValueStore<String, Claim> pending;
    private KeyValueStore<String, String> batches;
    private KeyValueStore<String, Long> controlNumbers;

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
        context.schedule(limits.checkEvery(), PunctuationType.WALL_CLOCK_TIME, this::flushWaited);
    }

    @Override
    public void process(Record<String, Claim> record) {
        Claim claim = record.value();
        String batchKey = claim.getCoverage().getPayerId() + "|" + claim.getClaimType();
        String pendingKey = batchKey + "|" + claim.getClaimId();
        if (pending.get(pendingKey) != null) {
            return;
        }
        pending.put(pendingKey, claim);
        String open = batches.get(batchKey);
        long openedAt = open == null ? clock.millis() : Long.parseLong(open.substring(0, open.indexOf(':')));
        int count = open == null ? 1 : Integer.parseInt(open.substring(open.indexOf(':') + 1)) + 1;
        batches.put(batchKey, openedAt + ":" + count);
        if (count >= limits.maxClaims()) {
            flush(batchKey);
        }
    }

    private void flushWaited(long wallClockMillis) {
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
        if (batch.getStatus() == SubmissionStatus.SUBMITTED) {
            keys.forEach(pending::delete);
            batches.delete(batchKey);
        } else {
            // keep the claims; the batch is tried again with a new control number after another wait
            batches.put(batchKey, clock.millis() + ":" + claims.size());
        }
        context.forward(new Record<>(batch.getBatchId(), batch, clock.millis()));
    }
}
