package io.revcycle.claims.topology;

import io.revcycle.claims.x12.ClaimInterchangeWriter;
import io.revcycle.events.SubmissionBatch;
import io.revcycle.events.SubmissionStatus;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns a submitted interchange into one record per claim, keyed by claim id, for the lifecycle.
 * Each record carries the batch narrowed to that claim (so a batch of n claims costs n small
 * records, not n copies of n claim ids) and, in a header, the claim's transaction set control
 * number (ST02), which is its position in the full batch. A failed batch changes no claim, so
 * it yields nothing.
 */
final class SubmissionPerClaimProcessor implements Processor<String, SubmissionBatch, String, SubmissionBatch> {

    /** Record header carrying the claim's ST02 in the interchange. */
    static final String TRANSACTION_SET_HEADER = "revcycle.claims.st02";

    private ProcessorContext<String, SubmissionBatch> context;

    @Override
    public void init(ProcessorContext<String, SubmissionBatch> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, SubmissionBatch> record) {
        SubmissionBatch batch = record.value();
        if (batch.getStatus() != SubmissionStatus.SUBMITTED) {
            return;
        }
        List<String> claimIds = batch.getClaimIds();
        for (int i = 0; i < claimIds.size(); i++) {
            String claimId = claimIds.get(i);
            // all fields but the claim ids shared, not deep-copied: the batch is only read from here on
            SubmissionBatch narrowed = new SubmissionBatch(batch.getHeader(), batch.getBatchId(), batch.getPayerId(),
                    batch.getClaimType(), batch.getImplementationGuide(), batch.getInterchangeControlNumber(),
                    batch.getGroupControlNumber(), List.of(claimId), batch.getTotalCharge(), batch.getFileName(),
                    batch.getGateway(), batch.getStatus(), batch.getAttempts(), batch.getError(), batch.getSubmittedAt());
            RecordHeaders headers = new RecordHeaders();
            headers.add(TRANSACTION_SET_HEADER,
                    ClaimInterchangeWriter.transactionSetControlNumber(i).getBytes(StandardCharsets.US_ASCII));
            context.forward(new Record<>(claimId, narrowed, record.timestamp(), headers));
        }
    }
}
