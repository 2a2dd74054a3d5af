package io.revcycle.claims.state;

import io.revcycle.claims.ClaimScenarios;
import io.revcycle.events.Acknowledgment;
import io.revcycle.events.AcknowledgmentKind;
import io.revcycle.events.AcknowledgmentResult;
import io.revcycle.events.Adjustment;
import io.revcycle.events.AdjustmentGroup;
import io.revcycle.events.Claim;
import io.revcycle.events.ClaimState;
import io.revcycle.events.ClaimType;
import io.revcycle.events.Denial;
import io.revcycle.events.DenialCategory;
import io.revcycle.events.FinancialClass;
import io.revcycle.events.Finding;
import io.revcycle.events.PatientResponsibility;
import io.revcycle.events.PaymentPosted;
import io.revcycle.events.PostingType;
import io.revcycle.events.Severity;
import io.revcycle.events.SubmissionBatch;
import io.revcycle.events.SubmissionStatus;
import io.revcycle.schemas.EventHeaders;
import io.revcycle.schemas.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClaimLifecycleTest {

    private final ClaimLifecycle lifecycle = new ClaimLifecycle();
    private final Instant now = ClaimScenarios.NOW;
    private static final Finding NPI = Finding.newBuilder().setRule("NPI_CHECK_DIGIT").setSeverity(Severity.ERROR)
            .setMessage("bad").setCodes(List.of()).build();

    private Claim ready() {
        return lifecycle.onScrubbed(null, ClaimScenarios.officeVisitClaim(), List.of(), now).get(1);
    }

    private Claim submitted() {
        Claim ready = ready();
        return lifecycle.onSubmitted(ready, batch(ready, SubmissionStatus.SUBMITTED), "0001", now).orElseThrow();
    }

    private static SubmissionBatch batch(Claim claim, SubmissionStatus status) {
        return SubmissionBatch.newBuilder().setHeader(EventHeaders.create("claim-builder", null, null))
                .setBatchId("000000009-MEDICARE-837P").setPayerId("MEDICARE").setClaimType(ClaimType.PROFESSIONAL)
                .setImplementationGuide("005010X222A1").setInterchangeControlNumber("000000009").setGroupControlNumber("9")
                .setClaimIds(List.of(claim.getClaimId())).setTotalCharge(claim.getTotalCharge())
                .setFileName("000000009-MEDICARE-837P.x12").setGateway("file-drop").setStatus(status)
                .setSubmittedAt(ClaimScenarios.NOW).build();
    }

    private static Acknowledgment ack(Claim claim, AcknowledgmentKind kind, AcknowledgmentResult result, String category) {
        return Acknowledgment.newBuilder().setHeader(EventHeaders.create("claim-builder", null, claim.getClaimId()))
                .setClaimId(claim.getClaimId()).setKind(kind).setResult(result).setStatusCategory(category)
                .setInterchangeControlNumber(kind == AcknowledgmentKind.IMPLEMENTATION_999 ? "000000009" : null)
                .setPayerClaimControlNumber("PCN9").setReceivedAt(ClaimScenarios.NOW).build();
    }

    @Test
    void newCleanClaimIsPublishedCreatedThenReadyAndAReplayPublishesNothing() {
        List<Claim> states = lifecycle.onScrubbed(null, ClaimScenarios.officeVisitClaim(), List.of(), now);

        assertEquals(List.of(ClaimState.CREATED, ClaimState.READY), states.stream().map(Claim::getState).toList());
        assertEquals(List.of(), lifecycle.onScrubbed(states.get(1), ClaimScenarios.officeVisitClaim(), List.of(), now));
    }

    @Test
    void scrubFailureKeepsEveryFindingAndANewerEncounterVersionCanFixIt() {
        Claim failed = lifecycle.onScrubbed(null, ClaimScenarios.officeVisitClaim(), List.of(NPI), now).get(1);
        assertEquals(ClaimState.SCRUB_FAILED, failed.getState());
        assertEquals(List.of(NPI), failed.getFindings());

        Claim fixedDraft = Claim.newBuilder(ClaimScenarios.officeVisitClaim()).setEncounterVersion(2).build();
        Claim fixed = lifecycle.onScrubbed(failed, fixedDraft, List.of(), now).get(0);

        assertEquals(ClaimState.READY, fixed.getState());
        assertEquals(List.of(ClaimState.CREATED, ClaimState.SCRUB_FAILED, ClaimState.READY),
                fixed.getHistory().stream().map(h -> h.getState()).toList());
        assertTrue(fixed.getFindings().isEmpty());
    }

    @Test
    void submissionRecordsTheInterchangeAndAFailedBatchChangesNothing() {
        Claim ready = ready();
        assertTrue(lifecycle.onSubmitted(ready, batch(ready, SubmissionStatus.FAILED), "0001", now).isEmpty());

        Claim submitted = submitted();
        assertEquals(ClaimState.SUBMITTED, submitted.getState());
        assertEquals("000000009", submitted.getSubmission().getInterchangeControlNumber());
        assertEquals("0001", submitted.getSubmission().getTransactionSetControlNumber());
        assertTrue(lifecycle.onSubmitted(submitted, batch(submitted, SubmissionStatus.SUBMITTED), "0001", now).isEmpty(),
                "a claim already submitted is not submitted again");
    }

    @Test
    void accepted999ChangesNothingButARejected999Rejects() {
        Claim submitted = submitted();
        assertTrue(lifecycle.onAcknowledgment(submitted,
                ack(submitted, AcknowledgmentKind.IMPLEMENTATION_999, AcknowledgmentResult.ACCEPTED, null), now).isEmpty());

        Claim rejected = lifecycle.onAcknowledgment(submitted,
                ack(submitted, AcknowledgmentKind.IMPLEMENTATION_999, AcknowledgmentResult.REJECTED, null), now).orElseThrow();
        assertEquals(ClaimState.REJECTED, rejected.getState());
        assertEquals("TRANSACTION_REJECTED_999", rejected.getFindings().get(0).getRule());
    }

    @Test
    void a277caThatArrivesBeforeTheSubmissionIsRecordedStillAcceptsAndTheSubmissionFollows() {
        Claim ready = ready();
        Claim accepted = lifecycle.onAcknowledgment(ready,
                ack(ready, AcknowledgmentKind.CLAIM_277CA, AcknowledgmentResult.ACCEPTED, "A2"), now).orElseThrow();

        assertEquals(ClaimState.ACCEPTED, accepted.getState());
        assertEquals(List.of(ClaimState.CREATED, ClaimState.READY, ClaimState.SUBMITTED, ClaimState.ACCEPTED),
                accepted.getHistory().stream().map(h -> h.getState()).toList());

        Claim referenced = lifecycle.onSubmitted(accepted, batch(accepted, SubmissionStatus.SUBMITTED), "0001", now).orElseThrow();
        assertEquals(ClaimState.ACCEPTED, referenced.getState(), "the later state stays");
        assertEquals("000000009", referenced.getSubmission().getInterchangeControlNumber());
        assertTrue(lifecycle.onSubmitted(referenced, batch(referenced, SubmissionStatus.SUBMITTED), "0001", now).isEmpty(),
                "the submission is recorded once");
    }

    @Test
    void aLateCopyOfAnEarlierInterchangesAnswerDoesNotMoveAResubmittableClaim() {
        Claim rejected = lifecycle.onAcknowledgment(submitted(),
                ack(submitted(), AcknowledgmentKind.IMPLEMENTATION_999, AcknowledgmentResult.REJECTED, null), now).orElseThrow();
        Claim fixedDraft = Claim.newBuilder(ClaimScenarios.officeVisitClaim()).setEncounterVersion(2).build();
        Claim readyAgain = lifecycle.onScrubbed(rejected, fixedDraft, List.of(), now).get(0);
        assertEquals(ClaimState.READY, readyAgain.getState());

        assertTrue(lifecycle.onAcknowledgment(readyAgain,
                ack(readyAgain, AcknowledgmentKind.IMPLEMENTATION_999, AcknowledgmentResult.REJECTED, null), now).isEmpty());
    }

    @Test
    void accepted277caAcceptsWithThePayerClaimNumber() {
        Claim submitted = submitted();
        Claim accepted = lifecycle.onAcknowledgment(submitted,
                ack(submitted, AcknowledgmentKind.CLAIM_277CA, AcknowledgmentResult.ACCEPTED, "A2"), now).orElseThrow();

        assertEquals(ClaimState.ACCEPTED, accepted.getState());
        assertEquals("PCN9", accepted.getPayerClaimControlNumber());
    }

    @Test
    void staleAcknowledgmentOfAnotherInterchangeIsIgnored() {
        Claim submitted = submitted();
        Acknowledgment stale = Acknowledgment.newBuilder(
                ack(submitted, AcknowledgmentKind.IMPLEMENTATION_999, AcknowledgmentResult.REJECTED, null))
                .setInterchangeControlNumber("000000001").build();

        assertTrue(lifecycle.onAcknowledgment(submitted, stale, now).isEmpty());
    }

    @Test
    void partialPaymentAccumulatesAmountsAndFollowsThePostedState() {
        Claim accepted = lifecycle.onAcknowledgment(submitted(),
                ack(submitted(), AcknowledgmentKind.CLAIM_277CA, AcknowledgmentResult.ACCEPTED, "A2"), now).orElseThrow();
        PaymentPosted payment = PaymentPosted.newBuilder()
                .setHeader(EventHeaders.create("payment-posting", null, accepted.getClaimId()))
                .setPostingId("R1-" + accepted.getClaimId() + "-1").setPostingType(PostingType.PAYMENT)
                .setClaimId(accepted.getClaimId()).setPatientKey("k").setPayerId("MEDICARE").setPayerName("MEDICARE PART B")
                .setFinancialClass(FinancialClass.MEDICARE).setClaimType(ClaimType.PROFESSIONAL).setFacilityId("NW-CLINIC")
                .setBillingProviderNpi("1234567893").setServiceDateFrom(LocalDate.of(2026, 3, 2)).setClaimStatusCode("1")
                .setPayerClaimControlNumber("PCN9").setChargeAmount(Money.of("140.00")).setAllowedAmount(Money.of("100.00"))
                .setPaidAmount(Money.of("60.00")).setContractualAdjustment(Money.of("40.00")).setOtherAdjustment(Money.ZERO)
                .setPatientResponsibility(new PatientResponsibility(Money.of("20.00"), Money.ZERO, Money.ZERO, Money.ZERO,
                        Money.of("20.00")))
                .setAdjustments(List.of()).setTraceNumber("T1").setPaymentMethod("ACH")
                .setPaymentDate(LocalDate.of(2026, 4, 1)).setPostedAt(ClaimScenarios.NOW)
                .setBalanceAfter(Money.of("20.00")).setClaimState(ClaimState.PARTIALLY_PAID).build();

        Claim paid = lifecycle.onPayment(accepted, payment, now).orElseThrow();

        assertEquals(ClaimState.PARTIALLY_PAID, paid.getState());
        assertEquals(Money.of("60.00"), paid.getPaidAmount());
        assertEquals(Money.of("40.00"), paid.getAdjustmentAmount());
        assertEquals(Money.of("20.00"), paid.getPatientResponsibility());
        assertEquals(Money.of("20.00"), paid.getBalance());
    }

    @Test
    void denialDeniesWithItsReasonCodesEvenBeforeTheSubmissionIsRecorded() {
        Claim submitted = submitted();
        Denial denial = Denial.newBuilder().setHeader(EventHeaders.create("payment-posting", null, submitted.getClaimId()))
                .setDenialId("D1").setClaimId(submitted.getClaimId()).setPatientKey("k").setPayerId("MEDICARE")
                .setPayerClaimControlNumber("PCN9").setCategory(DenialCategory.AUTHORIZATION)
                .setAdjustments(List.of(new Adjustment(AdjustmentGroup.CO, "197", Money.of("140.00"), null)))
                .setRemarkCodes(List.of("N54")).setDeniedAmount(Money.of("140.00"))
                .setDeniedOn(LocalDate.of(2026, 4, 1)).setAppealDeadline(LocalDate.of(2026, 5, 31)).build();

        Claim denied = lifecycle.onDenial(submitted, denial, now).orElseThrow();
        assertEquals(ClaimState.DENIED, denied.getState());
        assertEquals(List.of(ClaimState.CREATED, ClaimState.READY, ClaimState.SUBMITTED, ClaimState.ACCEPTED,
                ClaimState.DENIED), denied.getHistory().stream().map(h -> h.getState()).toList(),
                "a remittance that overtakes the 277CA implies acceptance into adjudication");
        assertEquals(List.of("CO-197", "N54"), denied.getFindings().get(0).getCodes());
        // a payer only denies what it received: on a claim still READY here the submission is inferred
        Claim deniedEarly = lifecycle.onDenial(ready(), denial, now).orElseThrow();
        assertEquals(List.of(ClaimState.CREATED, ClaimState.READY, ClaimState.SUBMITTED, ClaimState.ACCEPTED,
                        ClaimState.DENIED), deniedEarly.getHistory().stream().map(h -> h.getState()).toList());
        assertTrue(lifecycle.onDenial(null, denial, now).isEmpty(), "a denial of an unknown claim changes nothing");
    }
}
