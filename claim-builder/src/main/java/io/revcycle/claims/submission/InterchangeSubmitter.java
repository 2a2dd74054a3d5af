package io.revcycle.claims.submission;

import io.revcycle.claims.assembly.ClaimAssembler;
import io.revcycle.claims.x12.ClaimInterchangeWriter;
import io.revcycle.events.Claim;
import io.revcycle.events.ClaimType;
import io.revcycle.events.SubmissionBatch;
import io.revcycle.events.SubmissionStatus;
import io.revcycle.schemas.EventHeaders;
import io.revcycle.schemas.Money;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one payer's batch of claims as an interchange, records it in the journal, hands it to
 * the gateway and reports the outcome as a {@link SubmissionBatch}. The file name is derived from
 * the control number, payer and claim type, so delivering the journaled interchange again after a
 * crash replaces the earlier file instead of adding a second one.
 */
public final class InterchangeSubmitter {

    private final ClaimInterchangeWriter writer;
    private final ClaimGateway gateway;
    private final InterchangeJournal journal;
    private final Clock clock;

    public InterchangeSubmitter(ClaimInterchangeWriter writer, ClaimGateway gateway, InterchangeJournal journal,
                                Clock clock) {
        this.writer = writer;
        this.gateway = gateway;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * Writes, journals and submits; the batch says SUBMITTED, or FAILED with the error after the
     * gateway gave up or the journal could not be written (then nothing was handed over).
     */
    public SubmissionBatch submit(String payerId, ClaimType type, long controlNumber, List<Claim> claims) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        String icn = ClaimInterchangeWriter.interchangeControlNumber(controlNumber);
        String batchId = icn + "-" + safe(payerId) + "-" + (type == ClaimType.INSTITUTIONAL ? "837I" : "837P");
        byte[] interchange = writer.write(type, controlNumber, LocalDateTime.ofInstant(now, ZoneOffset.UTC), claims);
        List<InterchangeJournal.SentClaim> sent = new ArrayList<>(claims.size());
        for (Claim claim : claims) {
            sent.add(new InterchangeJournal.SentClaim(claim.getClaimId(), claim.getHeader().getEventId()));
        }
        InterchangeJournal.Entry entry = new InterchangeJournal.Entry(controlNumber, batchId, batchId + ".x12", payerId,
                type, Money.sum(claims.stream().map(Claim::getTotalCharge).toList()), sent, interchange);
        try {
            journal.record(entry);
        } catch (IOException | RuntimeException e) {
            // never hand over what a restart could not deliver again identically
            return batch(entry, now, SubmissionStatus.FAILED, 0, "journal: " + e);
        }
        return handOver(entry, now);
    }

    /**
     * Delivers a journaled interchange again, byte for byte under the same file name, after a
     * restart found that the transaction recording its first delivery was lost.
     */
    public SubmissionBatch redeliver(InterchangeJournal.Entry entry) {
        return handOver(entry, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
    }

    /** Control numbers of the journaled interchanges: handed over, but maybe not yet committed. */
    public List<Long> journaledControlNumbers() {
        try {
            return journal.controlNumbers();
        } catch (IOException e) {
            // without the journal nobody can tell which interchanges went out: stop rather than guess
            throw new UncheckedIOException("interchange journal unreadable", e);
        }
    }

    /** The journaled interchange of the control number. */
    public InterchangeJournal.Entry journaled(long controlNumber) {
        try {
            return journal.read(controlNumber);
        } catch (IOException e) {
            throw new UncheckedIOException("interchange journal entry " + controlNumber + " unreadable", e);
        }
    }

    /** Drops the journal entry of an interchange whose delivery is committed. */
    public void forget(long controlNumber) {
        try {
            journal.remove(controlNumber);
        } catch (IOException e) {
            throw new UncheckedIOException("interchange journal entry " + controlNumber + " not removed", e);
        }
    }

    private SubmissionBatch handOver(InterchangeJournal.Entry entry, Instant now) {
        SubmissionStatus status = SubmissionStatus.SUBMITTED;
        String error = null;
        try {
            gateway.submit(entry.fileName(), entry.interchange());
        } catch (IOException | RuntimeException e) {
            // a gateway failure is reported on the batch and retried later, never allowed to stop the stream
            status = SubmissionStatus.FAILED;
            error = e.toString();
        }
        int attempts = gateway instanceof RetryingGateway retrying ? retrying.lastAttempts() : 1;
        return batch(entry, now, status, attempts, error);
    }

    private SubmissionBatch batch(InterchangeJournal.Entry entry, Instant now, SubmissionStatus status, int attempts,
                                  String error) {
        return SubmissionBatch.newBuilder()
                .setHeader(EventHeaders.create(clock, ClaimAssembler.PRODUCER, null, null, null))
                .setBatchId(entry.batchId())
                .setPayerId(entry.payerId())
                .setClaimType(entry.claimType())
                .setImplementationGuide(ClaimInterchangeWriter.guide(entry.claimType()))
                .setInterchangeControlNumber(ClaimInterchangeWriter.interchangeControlNumber(entry.controlNumber()))
                .setGroupControlNumber(Long.toString(entry.controlNumber()))
                .setClaimIds(entry.claims().stream().map(InterchangeJournal.SentClaim::claimId).toList())
                .setTotalCharge(entry.totalCharge())
                .setFileName(entry.fileName())
                .setGateway(gateway.name())
                .setStatus(status)
                .setAttempts(attempts)
                .setError(error)
                .setSubmittedAt(now)
                .build();
    }

    /** Payer ids go into file names: keep letters, digits and dashes only. */
    private static String safe(String payerId) {
        return payerId.replaceAll("[^A-Za-z0-9-]", "_");
    }
}
