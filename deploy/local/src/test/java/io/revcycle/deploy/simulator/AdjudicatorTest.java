package io.revcycle.deploy.simulator;

import io.revcycle.deploy.simulator.ClaimAdjudication.LineAdjudication;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import static io.revcycle.deploy.simulator.TestClaims.DOS;
import static io.revcycle.deploy.simulator.TestClaims.RECEIVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Adjudication to the cent for each payer profile, with denials switched off. */
class AdjudicatorTest {

    private final PayerProfiles profiles = PayerProfiles.defaults().withRatesScaled(0);
    private final DeductibleLedger ledger = new DeductibleLedger();
    private final Adjudicator adjudicator = new Adjudicator(ledger);

    @Test
    void medicarePaysEightyPercentOfTheFeeScheduleAfterTheRestOfTheDeductible() {
        PayerProfile medicare = profiles.forClaim("MEDICARE", "MB");
        SubmittedClaim claim = TestClaims.professional("C1", "MEDICARE", "MB", "1EG4TE5MK73", DOS, "99213", "125.00", "36415", "15.00");
        ledger.apply(DeductibleLedger.key(medicare, "1EG4TE5MK73", 2026), medicare.annualDeductible(), Money.of("200.00"));

        ClaimAdjudication result = adjudicate(claim, medicare);

        assertEquals("1", result.statusCode());
        assertLine(result.lines().get(0), "92.47", "28.38", List.of(cas("CO", "45", "32.53"), cas("PR", "1", "57.00"),
                cas("PR", "2", "7.09")));
        assertLine(result.lines().get(1), "3.00", "2.40", List.of(cas("CO", "45", "12.00"), cas("PR", "2", "0.60")));
        assertEquals(Money.of("140.00"), result.charge());
        assertEquals(Money.of("30.78"), result.paid());
        assertEquals(Money.of("64.69"), result.patientResponsibility());
    }

    @Test
    void commercialPpoTakesTheOfficeVisitCopayFirstThenDeductibleThenCoinsurance() {
        PayerProfile ppo = profiles.forClaim("ACME", "CI");
        assertEquals(PayerProfiles.COMMERCIAL_PPO, ppo.name());
        SubmittedClaim claim = TestClaims.professional("C2", "ACME", "CI", "ACM123456789", DOS, "99214", "185.00", "93000", "60.00");
        ledger.apply(DeductibleLedger.key(ppo, "ACM123456789", 2026), ppo.annualDeductible(), Money.of("450.00"));

        ClaimAdjudication result = adjudicate(claim, ppo);

        assertLine(result.lines().get(0), "182.75", "86.20", List.of(cas("CO", "45", "2.25"), cas("PR", "1", "50.00"),
                cas("PR", "2", "21.55"), cas("PR", "3", "25.00")));
        assertLine(result.lines().get(1), "23.70", "18.96", List.of(cas("CO", "45", "36.30"), cas("PR", "2", "4.74")));
        assertEquals(Money.of("105.16"), result.paid());
        assertEquals(Money.of("101.29"), result.patientResponsibility());
    }

    @Test
    void medicaidChargesOnlyTheCopayAndPaysUnlistedCodesAsAShareOfCharge() {
        PayerProfile medicaid = profiles.forClaim("STATE-MCD", "MC");
        assertEquals(PayerProfiles.MEDICAID, medicaid.name());
        SubmittedClaim claim = TestClaims.professional("C3", "STATE-MCD", "MC", "MCD12345678", DOS, "99213", "125.00", "87880", "40.00");

        ClaimAdjudication result = adjudicate(claim, medicaid);

        assertLine(result.lines().get(0), "64.73", "60.73", List.of(cas("CO", "45", "60.27"), cas("PR", "3", "4.00")));
        assertLine(result.lines().get(1), "14.00", "14.00", List.of(cas("CO", "45", "26.00")));
        assertEquals(Money.of("74.73"), result.paid());
        assertEquals(Money.of("4.00"), result.patientResponsibility());
    }

    @Test
    void theDeductibleAccumulatesAcrossClaimsOfTheSameMemberAndYearAndStartsOverNextYear() {
        PayerProfile medicare = profiles.forClaim("MEDICARE", "MB");
        SubmittedClaim first = TestClaims.professional("C4", "MEDICARE", "MB", "1EG4TE5MK73", DOS, "99214", "150.00");
        SubmittedClaim second = TestClaims.professional("C5", "MEDICARE", "MB", "1EG4TE5MK73", DOS.plusDays(7), "99214", "150.00");
        SubmittedClaim nextYear = TestClaims.professional("C6", "MEDICARE", "MB", "1EG4TE5MK73", LocalDate.of(2027, 1, 4),
                "99214", "150.00");

        ClaimAdjudication a = adjudicate(first, medicare);
        ClaimAdjudication b = adjudicate(second, medicare);
        ClaimAdjudication c = adjudicator.adjudicate(nextYear, medicare, "PCN", LocalDate.of(2027, 1, 10), false,
                BigDecimal.ONE, new SplittableRandom(1));

        assertLine(a.lines().get(0), "130.53", "0.00", List.of(cas("CO", "45", "19.47"), cas("PR", "1", "130.53")));
        assertLine(b.lines().get(0), "130.53", "3.25", List.of(cas("CO", "45", "19.47"), cas("PR", "1", "126.47"),
                cas("PR", "2", "0.81")));
        assertEquals(Money.of("130.53"), c.deductible(), "a new year opens a new deductible");
        assertEquals(Money.of("257.00"), ledger.met(DeductibleLedger.key(medicare, "1EG4TE5MK73", 2026)));
    }

    @Test
    void aServiceOlderThanTheFilingLimitIsDeniedTimelyFilingWithEveryLineWrittenOff() {
        PayerProfile ppo = profiles.forClaim("ACME", "CI");
        SubmittedClaim claim = TestClaims.professional("C7", "ACME", "CI", "ACM123456789", RECEIVED.minusDays(200),
                "99213", "125.00");

        ClaimAdjudication result = adjudicate(claim, ppo);

        assertEquals("4", result.statusCode());
        assertEquals(DenialReason.TIMELY_FILING, result.denial());
        assertLine(result.lines().get(0), "0.00", "0.00", List.of(cas("CO", "29", "125.00")));
        assertEquals(Money.ZERO, result.paid());
    }

    @Test
    void aReversalNegatesEveryAmountAndKeepsThePayerClaimNumber() {
        PayerProfile medicare = profiles.forClaim("MEDICARE", "MB");
        ClaimAdjudication paid = adjudicate(TestClaims.professional("C8", "MEDICARE", "MB", "1EG4TE5MK73", DOS,
                "99213", "125.00", "36415", "15.00"), medicare);

        ClaimAdjudication reversal = paid.reversal();

        assertEquals("22", reversal.statusCode());
        assertEquals(paid.payerClaimControlNumber(), reversal.payerClaimControlNumber());
        assertEquals(paid.charge().negate(), reversal.charge());
        assertEquals(paid.paid().negate(), reversal.paid());
        BigDecimal adjustments = reversal.claimAdjustments().stream().map(CasAdjustment::amount)
                .reduce(Money.ZERO, BigDecimal::add);
        assertEquals(reversal.charge(), reversal.paid().add(adjustments), "the reversal balances");
        assertNull(reversal.denial());
    }

    private ClaimAdjudication adjudicate(SubmittedClaim claim, PayerProfile profile) {
        return adjudicator.adjudicate(claim, profile, "PCN-" + claim.claimId(), RECEIVED, false, BigDecimal.ONE,
                new SplittableRandom(7));
    }

    private static CasAdjustment cas(String group, String reason, String amount) {
        return new CasAdjustment(group, reason, Money.of(amount));
    }

    private static void assertLine(LineAdjudication line, String allowed, String paid, List<CasAdjustment> adjustments) {
        assertEquals(Money.of(allowed), line.allowed(), "allowed of line " + line.line().number());
        assertEquals(Money.of(paid), line.paid(), "paid of line " + line.line().number());
        assertEquals(adjustments, line.adjustments(), "adjustments of line " + line.line().number());
        BigDecimal sum = line.adjustments().stream().map(CasAdjustment::amount).reduce(line.paid(), BigDecimal::add);
        assertEquals(line.line().charge(), sum, "line " + line.line().number() + " balances");
    }
}
