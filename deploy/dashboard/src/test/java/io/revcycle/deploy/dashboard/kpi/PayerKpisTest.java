package io.revcycle.deploy.dashboard.kpi;

import io.revcycle.deploy.dashboard.PipelineEvents;
import io.revcycle.events.DenialCategory;
import io.revcycle.events.PostingType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.revcycle.events.AcknowledgmentKind.CLAIM_277CA;
import static io.revcycle.events.AcknowledgmentKind.IMPLEMENTATION_999;
import static io.revcycle.events.AcknowledgmentResult.ACCEPTED;
import static io.revcycle.events.AcknowledgmentResult.ACCEPTED_WITH_ERRORS;
import static io.revcycle.events.AcknowledgmentResult.REJECTED;
import static io.revcycle.events.ClaimState.APPEALED;
import static io.revcycle.events.ClaimState.CREATED;
import static io.revcycle.events.ClaimState.DENIED;
import static io.revcycle.events.ClaimState.READY;
import static io.revcycle.events.ClaimState.SUBMITTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The KPIs that depend on what payers answered: first-pass acceptance, denials, days to payment. */
class PayerKpisTest {

    private static final Instant T0 = Instant.parse("2026-02-01T00:00:00Z");
    private final PipelineEvents events = new PipelineEvents();

    private static Instant day(double days) {
        return T0.plusMillis((long) (days * Duration.ofDays(1).toMillis()));
    }

    @Test
    void onlyAnAcceptanceOnTheFirst277caPassesAndA999RejectionBeforeItFails() {
        FirstPassAcceptance kpi = new FirstPassAcceptance();
        // accepted first time, 999 accepted before it
        kpi.record(events.ack("C1", IMPLEMENTATION_999, ACCEPTED, day(0)));
        kpi.record(events.ack("C1", CLAIM_277CA, ACCEPTED, day(1)));
        // rejected first, accepted after resubmission: not first pass (read out of order on purpose)
        kpi.record(events.ack("C2", CLAIM_277CA, ACCEPTED, day(5)));
        kpi.record(events.ack("C2", CLAIM_277CA, REJECTED, day(1)));
        // rejected by the 999, never reached the payer
        kpi.record(events.ack("C3", IMPLEMENTATION_999, REJECTED, day(0)));
        // accepted with errors is not a clean acceptance
        kpi.record(events.ack("C4", CLAIM_277CA, ACCEPTED_WITH_ERRORS, day(1)));
        // only the 999 so far: waiting, not counted
        kpi.record(events.ack("C5", IMPLEMENTATION_999, ACCEPTED, day(0)));

        Ratio rate = kpi.result();

        assertEquals(Ratio.of(1, 4), rate);
        assertEquals(new BigDecimal("0.2500"), rate.value());
    }

    @Test
    void denialRatesAreDeniedClaimsOverAdjudicatedClaimsWithAmountsToTheCent() {
        DenialRates kpi = new DenialRates();
        kpi.record(events.payment("C1", "MEDICARE", PostingType.PAYMENT, "80.10", day(1)));
        kpi.record(events.payment("C2", "MEDICARE", PostingType.PAYMENT, "12.00", day(1)));
        kpi.record(events.payment("C3", "ACME", PostingType.PAYMENT, "0.00", day(1)));
        kpi.record(events.denial("D3", "C3", "ACME", DenialCategory.ELIGIBILITY, "100.05", day(1)));
        // a claim denied for two reasons counts once per category and once overall
        kpi.record(events.denial("D4a", "C4", "ACME", DenialCategory.AUTHORIZATION, "40.10", day(2)));
        kpi.record(events.denial("D4b", "C4", "ACME", DenialCategory.ELIGIBILITY, "0.20", day(2)));
        kpi.record(events.denial("D5", "C5", "MEDICARE", DenialCategory.MEDICAL_NECESSITY, "33.33", day(2)));
        // the same denial read twice counts once
        kpi.record(events.denial("D5", "C5", "MEDICARE", DenialCategory.MEDICAL_NECESSITY, "33.33", day(2)));

        DenialRates.Result result = kpi.result();

        assertEquals(Ratio.of(3, 5), result.overall());
        assertEquals(List.of(
                new DenialRates.CategoryRate("ELIGIBILITY", Ratio.of(2, 5), new BigDecimal("100.25")),
                new DenialRates.CategoryRate("AUTHORIZATION", Ratio.of(1, 5), new BigDecimal("40.10")),
                new DenialRates.CategoryRate("MEDICAL_NECESSITY", Ratio.of(1, 5), new BigDecimal("33.33"))),
                result.byCategory());
        assertEquals(List.of(
                new DenialRates.PayerRate("ACME", Ratio.of(2, 2), new BigDecimal("140.35")),
                new DenialRates.PayerRate("MEDICARE", Ratio.of(1, 3), new BigDecimal("33.33"))),
                result.byPayer());
        assertEquals(new BigDecimal("0.3333"), result.byPayer().get(1).rate().value());
    }

    @Test
    void daysToPaymentRunFromFirstSubmissionToFirstMoneyPosted() {
        DaysToPayment kpi = new DaysToPayment();
        // claims submitted on day 2 of their history (T0 + 2 days)
        List<ClaimFacts> claims = List.of(
                ClaimFacts.of(events.claim("C1", "P", "0.00", T0, CREATED, READY, SUBMITTED), null),
                ClaimFacts.of(events.claim("C2", "P", "0.00", T0, CREATED, READY, SUBMITTED), null),
                ClaimFacts.of(events.claim("C3", "P", "0.00", T0, CREATED, READY, SUBMITTED), null),
                ClaimFacts.of(events.claim("C4", "P", "0.00", T0, CREATED, READY, SUBMITTED), null),
                ClaimFacts.of(events.claim("UNPAID", "P", "9.00", T0, CREATED, READY, SUBMITTED), null));
        kpi.record(events.payment("C1", "P", PostingType.PAYMENT, "10.00", day(2 + 10)));
        // a later correction does not move the first payment
        kpi.record(events.payment("C1", "P", PostingType.CORRECTION, "12.00", day(2 + 30)));
        kpi.record(events.payment("C2", "P", PostingType.PAYMENT, "10.00", day(2 + 20.5)));
        kpi.record(events.payment("C3", "P", PostingType.PAYMENT, "10.00", day(2 + 7)));
        // the reversal and the zero payment (a denial) are not payments; the later payment is
        kpi.record(events.payment("C4", "P", PostingType.REVERSAL, "-10.00", day(2 + 3)));
        kpi.record(events.payment("C4", "P", PostingType.PAYMENT, "0.00", day(2 + 4)));
        kpi.record(events.payment("C4", "P", PostingType.CORRECTION, "5.00", day(2 + 65)));

        DaysToPayment.Result result = kpi.result(claims);

        assertEquals(4, result.claimsPaid());
        // (10 + 20.5 + 7 + 65) / 4 = 25.625 -> 25.6
        assertEquals(new BigDecimal("25.6"), result.averageDays());
        // median of 7, 10, 20.5, 65 = 15.25 -> 15.3
        assertEquals(new BigDecimal("15.3"), result.medianDays());
        assertEquals(List.of(new DaysToPayment.Band("0-7", 1), new DaysToPayment.Band("8-14", 1),
                new DaysToPayment.Band("15-30", 1), new DaysToPayment.Band("31-60", 0),
                new DaysToPayment.Band("60+", 1)), result.bands());
    }

    @Test
    void daysToPaymentAreUnknownBeforeTheFirstPayment() {
        DaysToPayment.Result result = new DaysToPayment().result(List.of());

        assertEquals(0, result.claimsPaid());
        assertNull(result.averageDays());
        assertNull(result.medianDays());
    }

    @Test
    void aDenialStaysOpenUntilAnActionOrTheClaimMovesOn() {
        OpenDenials kpi = new OpenDenials();
        kpi.record(events.denial("D1", "C1", "P", DenialCategory.CODING, "1.00", day(1)));
        kpi.record(events.denial("D2", "C2", "P", DenialCategory.CODING, "1.00", day(1)));
        kpi.record(events.denial("D3", "C3", "P", DenialCategory.CODING, "1.00", day(1)));
        kpi.record(events.denial("D4", "C4", "P", DenialCategory.CODING, "1.00", day(10)));
        kpi.record(events.denial("D5", "C5", "P", DenialCategory.CODING, "1.00", day(1)));
        kpi.record(events.action("C1", "D1", day(2)));
        kpi.record(events.action("C2", null, day(2)));
        // an action on the claim before this denial does not work it
        kpi.record(events.action("C4", null, day(2)));
        Map<String, ClaimFacts> claims = Map.of(
                "C3", ClaimFacts.of(events.claim("C3", "P", "1.00", T0, SUBMITTED, DENIED, APPEALED), null),
                "C5", ClaimFacts.of(events.claim("C5", "P", "1.00", T0, SUBMITTED, DENIED), null));

        assertEquals(2, kpi.count(claims));
    }

    @Test
    void exceptionsCloseWhenAResolvedCopyArrivesAndDeadLettersAllStayOpen() {
        ExceptionQueues queues = new ExceptionQueues();
        queues.watchExceptions("exceptions-a");
        queues.watchDeadLetters("dlq-a");
        queues.watchDeadLetters("dlq-b");
        queues.record("exceptions-a", events.exception("E1", false));
        queues.record("exceptions-a", events.exception("E2", false));
        queues.record("exceptions-a", events.exception("E1", true));
        queues.recordDeadLetter("dlq-a");
        queues.recordDeadLetter("dlq-a");

        assertEquals(List.of(
                new ExceptionQueues.Queue("exceptions-a", ExceptionQueues.Kind.EXCEPTIONS, 2, 1),
                new ExceptionQueues.Queue("dlq-a", ExceptionQueues.Kind.DEAD_LETTERS, 2, 2),
                new ExceptionQueues.Queue("dlq-b", ExceptionQueues.Kind.DEAD_LETTERS, 0, 0)), queues.result());
    }
}
