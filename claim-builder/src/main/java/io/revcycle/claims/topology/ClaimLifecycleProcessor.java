package io.revcycle.claims.topology;

import io.revcycle.claims.state.ClaimLifecycle;
import io.revcycle.claims.state.ClaimMetrics;
import io.revcycle.claims.x12.ClaimInterchangeWriter;
import io.revcycle.events.Acknowledgment;
import io.revcycle.events.Claim;
import io.revcycle.events.ClaimState;
import io.revcycle.events.Denial;
import io.revcycle.events.PaymentPosted;
import io.revcycle.events.SubmissionBatch;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The single writer of claim state: applies every event about a claim (scrubbed draft,
 * submission, acknowledgment, payment, denial) through {@link ClaimLifecycle}, keeps the current
 * claim in the store and forwards each new state.
 */
final class ClaimLifecycleProcessor implements Processor<String, SpecificRecord, String, Claim> {

    private final ClaimLifecycle lifecycle = new ClaimLifecycle();
    private final ClaimMetrics metrics;
    private final Clock clock;
    private ProcessorContext<String, Claim> context;
    private KeyValueStore<String, Claim> claims;

    ClaimLifecycleProcessor(ClaimMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, Claim> context) {
        this.context = context;
        this.claims = context.getStateStore(ClaimStores.CLAIMS);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        String claimId = record.key();
        Claim current = claims.get(claimId);
        Instant now = Instant.now(clock);
        SpecificRecord event = record.value();
        List<Claim> next;
        if (event instanceof Claim scrubbed) {
            next = lifecycle.onScrubbed(current, scrubbed, scrubbed.getFindings(), now);
            if (current == null && !next.isEmpty()) {
                metrics.firstScrub(next.get(next.size() - 1).getState() == ClaimState.READY);
            }
        } else if (event instanceof SubmissionBatch batch) {
            next = asList(lifecycle.onSubmitted(current, batch, transactionSetControlNumber(record, batch, claimId), now));
        } else if (event instanceof Acknowledgment ack) {
            next = asList(lifecycle.onAcknowledgment(current, ack, now));
        } else if (event instanceof PaymentPosted payment) {
            next = asList(lifecycle.onPayment(current, payment, now));
        } else if (event instanceof Denial denial) {
            next = asList(lifecycle.onDenial(current, denial, now));
        } else {
            next = List.of();
        }
        if (next.isEmpty()) {
            return;
        }
        // only the last state is kept (CREATED is published but immediately followed by its verdict)
        claims.put(claimId, next.get(next.size() - 1));
        // stamped when the state changed, not with the triggering event's time: a claim's states must not
        // go back in time on rcm.claims, where readers keep it as a table (an acknowledgment or posting
        // written before the claim's last state would otherwise look older than that state)
        long changedAt = Math.max(record.timestamp(), now.toEpochMilli());
        for (Claim claim : next) {
            context.forward(new Record<>(claimId, claim, changedAt));
        }
    }

    /** The ST02 the per-claim record carries; a batch naming all its claims gives the claim's position. */
    private static String transactionSetControlNumber(Record<String, SpecificRecord> record, SubmissionBatch batch,
                                                      String claimId) {
        Header st02 = record.headers().lastHeader(SubmissionPerClaimProcessor.TRANSACTION_SET_HEADER);
        return st02 != null ? new String(st02.value(), StandardCharsets.US_ASCII)
                : ClaimInterchangeWriter.transactionSetControlNumber(batch.getClaimIds().indexOf(claimId));
    }

    private static List<Claim> asList(Optional<Claim> claim) {
        return claim.map(List::of).orElse(List.of());
    }
}
