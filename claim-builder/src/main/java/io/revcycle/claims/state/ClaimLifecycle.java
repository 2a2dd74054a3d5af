package io.revcycle.claims.state;

import io.revcycle.claims.assembly.ClaimAssembler;
import io.revcycle.claims.assembly.ClaimCopy;
import io.revcycle.claims.scrub.ClaimScrubber;
import io.revcycle.events.Acknowledgment;
import io.revcycle.events.AcknowledgmentKind;
import io.revcycle.events.AcknowledgmentResult;
import io.revcycle.events.Adjustment;
import io.revcycle.events.Claim;
import io.revcycle.events.ClaimState;
import io.revcycle.events.ClaimTransition;
import io.revcycle.events.Denial;
import io.revcycle.events.EventHeader;
import io.revcycle.events.Finding;
import io.revcycle.events.PaymentPosted;
import io.revcycle.events.Severity;
import io.revcycle.events.SubmissionBatch;
import io.revcycle.events.SubmissionRef;
import io.revcycle.events.SubmissionStatus;
import io.revcycle.schemas.EventHeaders;
import io.revcycle.schemas.Money;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The claim state machine: given the current claim (null when unknown) and what happened, the
 * claim records to publish. Anything that does not fit the current state (a replay, a stale
 * acknowledgment, an answer about an unknown claim) changes nothing. A payer's answer can overtake
 * the claim's own SUBMITTED record (the interchange file is visible before that record commits):
 * the answer implies the submission, which is recorded first, and the submission reference is
 * added when its record arrives. Likewise a remittance can overtake the 277CA: adjudication implies
 * acceptance, which is recorded first.
 *
 * <pre>
 * CREATED → SCRUB_FAILED | READY → SUBMITTED → ACCEPTED | REJECTED → PAID | PARTIALLY_PAID | DENIED
 * </pre>
 * A scrub failure or a rejection is fixed by a newer version of the encounter, which is scrubbed
 * again and, if clean, goes back to READY for a new interchange.
 */
public final class ClaimLifecycle {

    private static final Set<ClaimState> FIXABLE = EnumSet.of(ClaimState.SCRUB_FAILED, ClaimState.REJECTED);
    private static final Set<ClaimState> PAYABLE = EnumSet.of(ClaimState.SUBMITTED, ClaimState.ACCEPTED,
            ClaimState.PAID, ClaimState.PARTIALLY_PAID, ClaimState.DENIED);
    private static final Set<ClaimState> ANSWERED = EnumSet.of(ClaimState.ACCEPTED, ClaimState.REJECTED,
            ClaimState.PAID, ClaimState.PARTIALLY_PAID, ClaimState.DENIED);
    private static final Set<String> ACCEPTED_CATEGORIES = Set.of("A0", "A1", "A2", "A5");

    /**
     * A freshly scrubbed claim: a new claim is published CREATED and then READY or SCRUB_FAILED;
     * a newer encounter version of a scrub-failed or rejected claim is scrubbed again; anything
     * else is a replay and publishes nothing.
     */
    public List<Claim> onScrubbed(Claim current, Claim scrubbed, List<Finding> findings, Instant now) {
        ClaimState verdict = ClaimScrubber.isClean(findings) ? ClaimState.READY : ClaimState.SCRUB_FAILED;
        if (current == null) {
            Claim created = ClaimCopy.of(scrubbed);
            created.setFindings(List.of());
            Claim judged = transition(created, verdict, created.getHeader(), now, null);
            judged.setFindings(new ArrayList<>(findings));
            return List.of(created, judged);
        }
        if (FIXABLE.contains(current.getState()) && scrubbed.getEncounterVersion() > current.getEncounterVersion()) {
            Claim revised = ClaimCopy.of(scrubbed);
            revised.setHistory(new ArrayList<>(current.getHistory()));
            revised.setCreatedAt(current.getCreatedAt());
            revised.setSubmission(null);
            Claim judged = transition(revised, verdict, scrubbed.getHeader(), now,
                    "encounter version " + scrubbed.getEncounterVersion());
            judged.setFindings(new ArrayList<>(findings));
            return List.of(judged);
        }
        return List.of();
    }

    /**
     * The claim went out in an interchange at position {@code index} (ST02 = index + 1). When the
     * payer's answer was recorded first (the file is visible before this record commits), the
     * claim keeps its later state and only gains the submission reference.
     */
    public Optional<Claim> onSubmitted(Claim current, SubmissionBatch batch, String transactionSetControlNumber, Instant now) {
        if (current == null || batch.getStatus() != SubmissionStatus.SUBMITTED) {
            return Optional.empty();
        }
        if (current.getState() != ClaimState.READY) {
            if (!ANSWERED.contains(current.getState()) || current.getSubmission() != null) {
                return Optional.empty();
            }
            Claim referenced = ClaimCopy.of(current);
            referenced.setHeader(EventHeaders.following(batch.getHeader(), ClaimAssembler.PRODUCER, current.getClaimId()));
            referenced.setSubmission(new SubmissionRef(batch.getBatchId(), batch.getInterchangeControlNumber(),
                    transactionSetControlNumber, batch.getSubmittedAt()));
            referenced.setUpdatedAt(millis(now));
            return Optional.of(referenced);
        }
        Claim submitted = transition(current, ClaimState.SUBMITTED, batch.getHeader(), now,
                "interchange " + batch.getInterchangeControlNumber());
        submitted.setSubmission(new SubmissionRef(batch.getBatchId(), batch.getInterchangeControlNumber(),
                transactionSetControlNumber, batch.getSubmittedAt()));
        submitted.setFindings(List.of());
        return Optional.of(submitted);
    }

    /**
     * 999 rejection or 277CA rejection → REJECTED with the reasons; 277CA acceptance → ACCEPTED with
     * the payer's claim number. A 999 acceptance only confirms the syntax and changes nothing. An
     * acknowledgment of an interchange the claim is no longer in is stale and ignored.
     */
    public Optional<Claim> onAcknowledgment(Claim current, Acknowledgment ack, Instant now) {
        if (current != null && current.getState() == ClaimState.READY && !answersAnEarlierInterchange(current, ack)) {
            current = submittedAsAnswered(current, ack.getHeader(), now, ack.getInterchangeControlNumber());
        }
        if (current == null || current.getState() != ClaimState.SUBMITTED) {
            return Optional.empty();
        }
        if (ack.getInterchangeControlNumber() != null && current.getSubmission() != null
                && !ack.getInterchangeControlNumber().equals(current.getSubmission().getInterchangeControlNumber())) {
            return Optional.empty();
        }
        boolean claimAck = ack.getKind() == AcknowledgmentKind.CLAIM_277CA;
        if (ack.getResult() == AcknowledgmentResult.REJECTED) {
            List<Finding> reasons = new ArrayList<>(ack.getErrors());
            if (reasons.isEmpty()) {
                reasons.add(Finding.newBuilder()
                        .setRule(claimAck ? "CLAIM_REJECTED_277CA" : "TRANSACTION_REJECTED_999")
                        .setSeverity(Severity.ERROR)
                        .setMessage(claimAck ? "payer rejected the claim, status " + ack.getStatusCategory()
                                : "clearinghouse rejected the transaction set")
                        .setCodes(new ArrayList<>(ack.getStatusCodes()))
                        .build());
            }
            Claim rejected = transition(current, ClaimState.REJECTED, ack.getHeader(), now,
                    claimAck ? "277CA " + ack.getStatusCategory() : "999 rejected");
            rejected.setFindings(reasons);
            return Optional.of(rejected);
        }
        if (claimAck && ack.getStatusCategory() != null && ACCEPTED_CATEGORIES.contains(ack.getStatusCategory())) {
            Claim accepted = transition(current, ClaimState.ACCEPTED, ack.getHeader(), now, "277CA " + ack.getStatusCategory());
            if (ack.getPayerClaimControlNumber() != null) {
                accepted.setPayerClaimControlNumber(ack.getPayerClaimControlNumber());
            }
            return Optional.of(accepted);
        }
        return Optional.empty();
    }

    /** A posting from the remittance: amounts accumulate, state and balance follow the posting. */
    public Optional<Claim> onPayment(Claim current, PaymentPosted payment, Instant now) {
        if (current != null && current.getState() == ClaimState.READY) {
            current = submittedAsAnswered(current, payment.getHeader(), now, null);
        }
        if (current != null && current.getState() == ClaimState.SUBMITTED) {
            current = acceptedAsAdjudicated(current, payment.getHeader(), now);
        }
        if (current == null || !PAYABLE.contains(current.getState())) {
            return Optional.empty();
        }
        Claim paid = transition(current, payment.getClaimState(), payment.getHeader(), now,
                payment.getPostingType() + " " + payment.getPostingId());
        paid.setPaidAmount(Money.of(current.getPaidAmount().add(payment.getPaidAmount())));
        paid.setAdjustmentAmount(Money.of(current.getAdjustmentAmount()
                .add(payment.getContractualAdjustment()).add(payment.getOtherAdjustment())));
        paid.setPatientResponsibility(Money.of(current.getPatientResponsibility()
                .add(payment.getPatientResponsibility().getTotal())));
        paid.setBalance(Money.of(payment.getBalanceAfter()));
        paid.setPayerClaimControlNumber(payment.getPayerClaimControlNumber());
        return Optional.of(paid);
    }

    /** A classified denial: the claim is DENIED with the reason codes as findings for the work queue. */
    public Optional<Claim> onDenial(Claim current, Denial denial, Instant now) {
        if (current != null && current.getState() == ClaimState.READY) {
            current = submittedAsAnswered(current, denial.getHeader(), now, null);
        }
        if (current != null && current.getState() == ClaimState.SUBMITTED) {
            current = acceptedAsAdjudicated(current, denial.getHeader(), now);
        }
        if (current == null || !PAYABLE.contains(current.getState())) {
            return Optional.empty();
        }
        List<String> codes = new ArrayList<>();
        for (Adjustment adjustment : denial.getAdjustments()) {
            codes.add(adjustment.getGroup() + "-" + adjustment.getReasonCode());
        }
        codes.addAll(denial.getRemarkCodes());
        Finding reason = Finding.newBuilder().setRule("DENIAL_" + denial.getCategory())
                .setSeverity(Severity.ERROR)
                .setMessage("denied (" + denial.getCategory().toString().toLowerCase().replace('_', ' ')
                        + "), appeal by " + denial.getAppealDeadline())
                .setCodes(codes)
                .build();
        Claim denied = current.getState() == ClaimState.DENIED
                ? Claim.newBuilder(current).setHeader(EventHeaders.following(denial.getHeader(), ClaimAssembler.PRODUCER,
                        current.getClaimId())).setUpdatedAt(millis(now)).build()
                : transition(current, ClaimState.DENIED, denial.getHeader(), now, "denial " + denial.getDenialId());
        denied.setFindings(List.of(reason));
        denied.setPayerClaimControlNumber(denial.getPayerClaimControlNumber());
        return Optional.of(denied);
    }

    /** A READY claim that was rejected and fixed can still receive late copies of its old interchange's answers. */
    private static boolean answersAnEarlierInterchange(Claim ready, Acknowledgment ack) {
        String interchange = ack.getInterchangeControlNumber();
        return interchange != null && ready.getHistory().stream()
                .anyMatch(t -> t.getReason() != null && t.getReason().startsWith("interchange " + interchange));
    }

    /**
     * A payer's answer for a claim still READY here: its interchange went out (the answer proves it)
     * but the SUBMITTED record had not been processed yet. The transition is recorded first, so the
     * history stays complete; the submission reference follows with the SUBMITTED record.
     */
    private static Claim submittedAsAnswered(Claim ready, EventHeader cause, Instant now, String interchange) {
        return transition(ready, ClaimState.SUBMITTED, cause, now,
                (interchange == null ? "interchange" : "interchange " + interchange) + " answered before its submission was recorded");
    }

    /**
     * A remittance for a claim whose 277CA has not been applied yet: the payer adjudicated it, so it
     * was accepted into adjudication; the 277CA that follows is then stale and changes nothing.
     */
    private static Claim acceptedAsAdjudicated(Claim submitted, EventHeader cause, Instant now) {
        return transition(submitted, ClaimState.ACCEPTED, cause, now, "adjudicated before its 277CA was applied");
    }

    private static Claim transition(Claim claim, ClaimState to, EventHeader cause, Instant now, String reason) {
        Instant at = millis(now);
        List<ClaimTransition> history = new ArrayList<>(claim.getHistory());
        history.add(new ClaimTransition(to, at, reason));
        Claim next = ClaimCopy.of(claim);
        next.setHeader(EventHeaders.following(cause, ClaimAssembler.PRODUCER, claim.getClaimId()));
        next.setState(to);
        next.setHistory(history);
        next.setUpdatedAt(at);
        return next;
    }

    private static Instant millis(Instant now) {
        return now.truncatedTo(ChronoUnit.MILLIS);
    }
}
