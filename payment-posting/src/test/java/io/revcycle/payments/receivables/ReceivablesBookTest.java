package io.revcycle.payments.receivables;

import io.revcycle.events.Claim;
import io.revcycle.events.ClaimState;
import io.revcycle.events.PatientResponsibility;
import io.revcycle.events.PaymentPosted;
import io.revcycle.events.PostingType;
import io.revcycle.payments.posting.TestClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReceivablesBookTest {

    private final ReceivablesBook book = new ReceivablesBook();

    private static BigDecimal money(String value) {
        return new BigDecimal(value);
    }

    @ParameterizedTest
    @CsvSource({"0,0-30", "30,0-30", "31,31-60", "60,31-60", "61,61-90", "90,61-90", "91,91-120", "120,91-120",
            "121,120+", "400,120+"})
    void agesFallInTheirBuckets(long days, String bucket) {
        assertEquals(bucket, ReceivablesBook.bucket(days));
    }

    @Test
    void unpaidClaimsAreAgedFromServiceByPayerAndPaidOnesDropOut() {
        Claim open = TestClaims.submitted("A1", "P-1", "100");
        Claim older = Claim.newBuilder(TestClaims.submitted("A2", "P-2", "250"))
                .setServiceDateFrom(LocalDate.of(2026, 7, 1)).build();
        Claim paid = TestClaims.submitted("A3", "P-3", "80");
        PaymentPosted paidInFull = posting(paid, "80.00", "0.00", ClaimState.PAID);

        List<PayerAging> aging = book.aging(List.of(new ReceivablesBook.Entry(open, null),
                new ReceivablesBook.Entry(older, null), new ReceivablesBook.Entry(paid, paidInFull)),
                LocalDate.of(2026, 11, 20));

        assertEquals(1, aging.size());
        PayerAging acme = aging.get(0);
        assertEquals("ACME01", acme.payerId());
        assertEquals(2, acme.claims());
        assertEquals(money("100.00"), acme.buckets().get("0-30"));
        assertEquals(money("250.00"), acme.buckets().get("120+"));
        assertEquals(money("0.00"), acme.buckets().get("61-90"));
        assertEquals(money("350.00"), acme.total());
    }

    @Test
    void partiallyPaidClaimShowsWhatThePayerStillOwes() {
        Claim claim = TestClaims.submitted("A4", "P-4", "100", "50");
        ClaimBalance balance = book.balance(claim, posting(claim, "90.00", "50.00", ClaimState.PARTIALLY_PAID));

        assertEquals("PARTIALLY_PAID", balance.state());
        assertEquals(money("50.00"), balance.outstanding());
        assertEquals(money("90.00"), balance.paid());
    }

    @Test
    void depositReconcilesWhenPostingsLessPlbEqualTheBprAmount() {
        DepositTally tally = new DepositTally("ACME01:EFT1006", "EFT1006", "ACME01", LocalDate.of(2026, 11, 20),
                money("215.00"), money("300.00"), 1);

        DepositReconciliation reconciled = book.reconcile(tally, money("85.00"));
        assertTrue(reconciled.reconciled());
        assertEquals(money("0.00"), reconciled.difference());

        DepositReconciliation missing = book.reconcile(tally, null);
        assertFalse(missing.reconciled());
        assertEquals(money("-85.00"), missing.difference());
    }

    @Test
    void tallyRoundTripsThroughItsStoredForm() {
        DepositTally tally = new DepositTally("ACME01:EFT1", "EFT1", "ACME01", LocalDate.of(2026, 11, 20),
                money("10.00"), money("-5.25"), 2);
        assertEquals(tally, DepositTally.decode(tally.encode()));
    }

    private static PaymentPosted posting(Claim claim, String paid, String balanceAfter, ClaimState state) {
        BigDecimal zero = money("0.00");
        return PaymentPosted.newBuilder()
                .setHeader(claim.getHeader()).setPostingId("X/" + claim.getClaimId() + "/1")
                .setPostingType(PostingType.PAYMENT).setClaimId(claim.getClaimId()).setPatientKey("k")
                .setPayerId("ACME01").setPayerName("ACME").setFinancialClass(claim.getCoverage().getFinancialClass())
                .setClaimType(claim.getClaimType()).setFacilityId("FAC1").setBillingProviderNpi("1234567893")
                .setServiceDateFrom(claim.getServiceDateFrom()).setClaimStatusCode("1").setPayerClaimControlNumber("PCN")
                .setChargeAmount(claim.getTotalCharge()).setAllowedAmount(money(paid)).setPaidAmount(money(paid))
                .setContractualAdjustment(zero).setOtherAdjustment(zero)
                .setPatientResponsibility(PatientResponsibility.newBuilder().setDeductible(zero).setCoinsurance(zero)
                        .setCopay(zero).setOther(zero).setTotal(zero).build())
                .setAdjustments(List.of()).setTraceNumber("T").setPaymentMethod("ACH")
                .setPaymentDate(LocalDate.of(2026, 11, 20)).setPostedAt(java.time.Instant.parse("2026-11-20T00:00:00Z"))
                .setBalanceAfter(money(balanceAfter)).setClaimState(state).build();
    }
}
