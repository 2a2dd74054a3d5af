package io.revcycle.payments.posting;

import io.revcycle.events.Adjustment;
import io.revcycle.events.AdjustmentGroup;
import io.revcycle.events.Claim;
import io.revcycle.events.ClaimState;
import io.revcycle.events.ExceptionKind;
import io.revcycle.events.PaymentPosted;
import io.revcycle.events.RemittanceClaimPayment;
import io.revcycle.payments.denials.AppealDeadlines;
import io.revcycle.payments.denials.DenialCategories;
import io.revcycle.payments.era.Fixtures;
import io.revcycle.payments.intake.RemittanceEvents;
import io.revcycle.payments.intake.RemittanceReader;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PaymentPosterTest {

    private final PaymentPoster poster = new PaymentPoster(new PatientPseudonym(TestClaims.SECRET),
            new DenialCategories(), new AppealDeadlines(Map.of(), 60), Clock.systemUTC());

    private static RemittanceClaimPayment payment(String fixture) {
        RemittanceReader.Reading reading = new RemittanceReader(new RemittanceEvents(Clock.systemUTC()))
                .read(Fixtures.bytes(fixture), fixture + ".edi");
        return (RemittanceClaimPayment) reading.records().get(0).value();
    }

    private static BigDecimal money(String value) {
        return new BigDecimal(value);
    }

    @Test
    void secondaryPayerBalanceStartsFromTheChargeNotFromThePrimaryBalance() {
        Claim claim = TestClaims.submitted("C1002", "P-1002", "250", "150", "100");
        PaymentPosted primary = poster.post(payment("deductible-coinsurance-copay-line-cas"), claim,
                ClaimLedger.empty()).posting();
        // the secondary payer pays the patient's 165.00 and adjusts the rest as the prior payer's share
        RemittanceClaimPayment secondary = RemittanceClaimPayment.newBuilder(payment("deductible-coinsurance-copay-line-cas"))
                .setRemittanceId("SECOND01:EFT2002").setPayerId("SECOND01").setClaimStatusCode("2")
                .setPaidAmount(money("165.00")).setLines(List.of()).setAllowedAmount(null)
                .setAdjustments(List.of(Adjustment.newBuilder().setGroup(AdjustmentGroup.OA).setReasonCode("23")
                        .setAmount(money("335.00")).build()))
                .build();

        PostingOutcome outcome = poster.post(secondary, claim, new ClaimLedger(primary, primary, false));

        assertEquals(money("0.00"), outcome.posting().getBalanceAfter());
        assertEquals(ClaimState.PAID, outcome.posting().getClaimState());
        assertEquals(money("335.00"), outcome.posting().getOtherAdjustment());
        assertNull(outcome.denial(), "a prior payer adjustment is not a denial");
    }

    @Test
    void partPaymentLeavesTheRestOwedAndTheClaimPartiallyPaid() {
        // our claim billed 260.00 but the payer adjudicated only the 200.00 it received
        Claim claim = TestClaims.submitted("C1001", "P-1001", "120", "80", "60");

        PaymentPosted posted = poster.post(payment("paid-in-full-co45"), claim, ClaimLedger.empty()).posting();

        assertEquals(money("60.00"), posted.getBalanceAfter());
        assertEquals(ClaimState.PARTIALLY_PAID, posted.getClaimState());
    }

    @Test
    void unknownClaimPostsNothing() {
        PostingOutcome outcome = poster.post(payment("unknown-claim"), null, ClaimLedger.empty());

        assertNull(outcome.posting());
        assertEquals(ExceptionKind.UNKNOWN_CLAIM, outcome.exceptions().get(0).getKind());
        assertEquals(ClaimLedger.empty(), outcome.ledger());
    }
}
