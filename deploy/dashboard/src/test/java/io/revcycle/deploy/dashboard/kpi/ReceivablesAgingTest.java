package io.revcycle.deploy.dashboard.kpi;

import io.revcycle.deploy.dashboard.PipelineEvents;
import io.revcycle.events.Claim;
import io.revcycle.events.ClaimState;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import static io.revcycle.events.ClaimState.ACCEPTED;
import static io.revcycle.events.ClaimState.CREATED;
import static io.revcycle.events.ClaimState.DENIED;
import static io.revcycle.events.ClaimState.PAID;
import static io.revcycle.events.ClaimState.PARTIALLY_PAID;
import static io.revcycle.events.ClaimState.READY;
import static io.revcycle.events.ClaimState.SUBMITTED;
import static io.revcycle.events.ClaimState.WRITTEN_OFF;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A/R aging: outstanding balances of claims with payers, by payer and age since submission. */
class ReceivablesAgingTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private final PipelineEvents events = new PipelineEvents();

    /** A claim first submitted {@code daysAgo} days before today (its history submits on its third day). */
    private ClaimFacts submitted(String id, String payer, String balance, long daysAgo, ClaimState... states) {
        Instant start = TODAY.atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(86_400L * (daysAgo + 2));
        return ClaimFacts.of(events.claim(id, payer, balance, start, states), null);
    }

    @Test
    void balancesFallInTheBucketOfTheirAgeWithBoundariesInclusive() {
        List<ClaimFacts> claims = List.of(
                submitted("A0", "MEDICARE", "100.01", 0, CREATED, READY, SUBMITTED),
                submitted("A30", "MEDICARE", "0.99", 30, CREATED, READY, SUBMITTED, ACCEPTED),
                submitted("A31", "MEDICARE", "10.00", 31, CREATED, READY, SUBMITTED, ACCEPTED),
                submitted("A90", "ACME", "20.50", 90, CREATED, READY, SUBMITTED, PARTIALLY_PAID),
                submitted("A91", "ACME", "30.25", 91, CREATED, READY, SUBMITTED, ACCEPTED, DENIED),
                submitted("A120", "ACME", "40.00", 120, CREATED, READY, SUBMITTED),
                submitted("A121", "MEDICARE", "50.00", 121, CREATED, READY, SUBMITTED),
                // not outstanding with a payer: paid, written off, not yet sent
                submitted("PAID", "MEDICARE", "0.00", 10, CREATED, READY, SUBMITTED, PAID),
                submitted("OFF", "MEDICARE", "70.00", 10, CREATED, READY, SUBMITTED, DENIED, WRITTEN_OFF),
                submitted("READY", "MEDICARE", "70.00", 10, CREATED, READY));

        ReceivablesAging.Result aging = ReceivablesAging.of(claims, TODAY);

        assertEquals(List.of("0-30", "31-60", "61-90", "91-120", "120+"), aging.buckets());
        assertEquals(List.of(
                new ReceivablesAging.PayerAging("ACME", 3, amounts("0.00", "0.00", "20.50", "70.25", "0.00"), new BigDecimal("90.75")),
                new ReceivablesAging.PayerAging("MEDICARE", 4, amounts("101.00", "10.00", "0.00", "0.00", "50.00"), new BigDecimal("161.00"))),
                aging.byPayer());
        assertEquals(new ReceivablesAging.PayerAging("ALL", 7, amounts("101.00", "10.00", "20.50", "70.25", "50.00"),
                new BigDecimal("251.75")), aging.total());
    }

    @Test
    void aClaimWithoutSubmissionDateAgesFromItsDateOfService() {
        Claim claim = events.claim("X", "ACME", "12.34", Instant.parse("2026-05-30T00:00:00Z"), ACCEPTED);
        claim.setServiceDateFrom(TODAY.minusDays(45));

        ReceivablesAging.Result aging = ReceivablesAging.of(List.of(ClaimFacts.of(claim, null)), TODAY);

        assertEquals(amounts("0.00", "12.34", "0.00", "0.00", "0.00"), aging.total().amounts());
    }

    private static List<BigDecimal> amounts(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }
}
