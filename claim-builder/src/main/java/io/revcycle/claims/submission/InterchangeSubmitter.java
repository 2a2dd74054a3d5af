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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one payer's batch of claims as an interchange, hands it to the gateway and reports the
 * outcome as a {@link SubmissionBatch}. The file name is derived from the control number, payer
 * and claim type, so a retry of the same batch with the same control number replaces the earlier
 * file instead of adding a second one.
 */
public final class InterchangeSubmitter {

    private final ClaimInterchangeWriter writer;
    private final ClaimGateway gateway;
    private final Clock clock;

    public InterchangeSubmitter(ClaimInterchangeWriter writer, ClaimGateway gateway, Clock clock) {
        this.writer = writer;
        this.gateway = gateway;
        this.clock = clock;
    }

    /** Writes and submits; the batch says SUBMITTED, or FAILED with the error after the gateway gave up. */
    public SubmissionBatch submit(String payerId, ClaimType type, long controlNumber, List<Claim> claims) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        String icn = ClaimInterchangeWriter.interchangeControlNumber(controlNumber);
        String batchId = icn + "-" + safe(payerId) + "-" + (type == ClaimType.INSTITUTIONAL ? "837I" : "837P");
        String fileName = batchId + ".x12";
        byte[] interchange = writer.write(type, controlNumber, LocalDateTime.ofInstant(now, ZoneOffset.UTC), claims);
        SubmissionStatus status = SubmissionStatus.SUBMITTED;
        String error = null;
        int attempts = 1;
        try {
            gateway.submit(fileName, interchange);
        } catch (IOException | RuntimeException e) {
            // a gateway failure is reported on the batch and retried later, never allowed to stop the stream
            status = SubmissionStatus.FAILED;
            error = e.toString();
        }
        if (gateway instanceof RetryingGateway retrying) {
            attempts = retrying.lastAttempts();
        }
        List<String> claimIds = new ArrayList<>(claims.size());
        for (Claim claim : claims) {
            claimIds.add(claim.getClaimId());
        }
        return SubmissionBatch.newBuilder()
                .setHeader(EventHeaders.create(clock, ClaimAssembler.PRODUCER, null, null, null))
                .setBatchId(batchId)
                .setPayerId(payerId)
                .setClaimType(type)
                .setImplementationGuide(ClaimInterchangeWriter.guide(type))
                .setInterchangeControlNumber(icn)
                .setGroupControlNumber(Long.toString(controlNumber))
                .setClaimIds(claimIds)
                .setTotalCharge(Money.sum(claims.stream().map(Claim::getTotalCharge).toList()))
                .setFileName(fileName)
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
