package io.revcycle.payments.balancing;

import io.revcycle.payments.era.Era835Parser;
import io.revcycle.payments.era.Fixtures;
import io.revcycle.payments.era.RemittanceAdvice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RemittanceBalancerTest {

    private final RemittanceBalancer balancer = new RemittanceBalancer();

    @ParameterizedTest
    @ValueSource(strings = {"paid-in-full-co45", "deductible-coinsurance-copay-line-cas", "denial-with-remark-code",
            "reversal-and-correction", "two-st-plb-interest-and-recoupment", "unknown-claim", "duplicate-era",
            "line-denied-on-paid-claim"})
    void balancedFixturesHaveNoImbalance(String fixture) throws Exception {
        for (RemittanceAdvice advice : Fixtures.parse(fixture)) {
            assertEquals(List.of(), balancer.check(advice), fixture + " " + advice.controlNumber());
        }
    }

    @Test
    void unbalancedClaimReportsFiguresToTheCent() throws Exception {
        List<Imbalance> found = balancer.check(Fixtures.parse("unbalanced-claim").get(0));

        assertEquals(1, found.size());
        Imbalance claim = found.get(0);
        assertEquals(Imbalance.Level.CLAIM, claim.level());
        assertEquals("C1006", claim.claimId());
        assertEquals(14, claim.segmentPosition());
        assertEquals(Map.of("charge", new BigDecimal("100.00"), "paid", new BigDecimal("70.00"),
                "adjustments", new BigDecimal("20.00"), "difference", new BigDecimal("10.00")), claim.figures());
    }

    @Test
    void lineThatDoesNotBalanceIsReportedWithItsClaim() throws Exception {
        // line 2 pays 64 of 80 but adjusts only 6: the line and therefore the claim are 10.00 short
        RemittanceAdvice advice = variant("paid-in-full-co45", "CAS*CO*45*16", "CAS*CO*45*6");

        List<Imbalance> found = balancer.check(advice);

        assertEquals(List.of(Imbalance.Level.LINE, Imbalance.Level.CLAIM), found.stream().map(Imbalance::level).toList());
        assertEquals(new BigDecimal("10.00"), found.get(0).figures().get("difference"));
        assertEquals("SVC", found.get(0).segmentId());
    }

    @Test
    void transactionTotalMustEqualClaimPaymentsLessProviderAdjustments() throws Exception {
        // interest of 5.25 raises the payment to 105.25; a BPR of 100 leaves 5.25 unexplained
        RemittanceAdvice advice = variant("two-st-plb-interest-and-recoupment", "BPR*I*105.25*", "BPR*I*100*");

        List<Imbalance> found = balancer.check(advice);

        assertEquals(1, found.size());
        Imbalance transaction = found.get(0);
        assertEquals(Imbalance.Level.TRANSACTION, transaction.level());
        assertEquals("BPR", transaction.segmentId());
        assertEquals(new BigDecimal("-5.25"), transaction.figures().get("providerAdjustments"));
        assertEquals(new BigDecimal("-5.25"), transaction.figures().get("difference"));
        assertTrue(transaction.describe().contains("100.00"));
    }

    private static RemittanceAdvice variant(String fixture, String from, String to) throws Exception {
        String text = new String(Fixtures.bytes(fixture), StandardCharsets.US_ASCII).replace(from, to);
        return new Era835Parser().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)),
                fixture + ".edi").get(0);
    }
}
