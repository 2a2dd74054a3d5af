package io.revcycle.claims.pricing;

import io.revcycle.claims.ClaimScenarios;
import io.revcycle.events.Claim;
import io.revcycle.events.ClaimLine;
import io.revcycle.schemas.Money;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClaimPricerTest {

    private static FeeSchedule fees(String csv) throws IOException {
        return FeeSchedule.read(new StringReader(csv));
    }

    @Test
    void fixedContractRateAndPercentOfFeeScheduleGiveExactExpectedReimbursement() throws IOException {
        PayerContracts contracts = PayerContracts.read(new StringReader(
                "payerId,code,method,value\nMEDICARE,*,PERCENT,80\nMEDICARE,99213,FIXED,92.47\n"));
        ClaimPricer pricer = new ClaimPricer(Map.of(), fees("code,amount\n99213,125.00\n36415,15.00\n"), contracts);

        Claim priced = pricer.price(ClaimScenarios.officeVisitClaim());

        assertEquals(Money.of("92.47"), priced.getLines().get(0).getExpectedReimbursement());
        assertEquals(Money.of("12.00"), priced.getLines().get(1).getExpectedReimbursement());
        assertEquals(Money.of("104.47"), priced.getExpectedReimbursement());
    }

    @Test
    void facilityScheduleOverridesTheDefaultAndFillsAZeroChargeTimesUnits() throws IOException {
        Claim claim = ClaimScenarios.officeVisitClaim();
        ClaimLine zero = ClaimLine.newBuilder(claim.getLines().get(1)).setChargeAmount(Money.ZERO).setUnits(2).build();
        claim = Claim.newBuilder(claim).setLines(java.util.List.of(claim.getLines().get(0), zero)).build();
        PayerContracts contracts = PayerContracts.read(new StringReader("MEDICARE,*,PERCENT,50\n"));
        ClaimPricer pricer = new ClaimPricer(Map.of("NW-CLINIC", fees("99213,130.00\n36415,20.00\n")),
                fees("99213,1.00\n36415,1.00\n"), contracts);

        Claim priced = pricer.price(claim);

        assertEquals(Money.of("40.00"), priced.getLines().get(1).getChargeAmount());
        assertEquals(Money.of("165.00"), priced.getTotalCharge());
        assertEquals(Money.of("65.00"), priced.getLines().get(0).getExpectedReimbursement());
        assertEquals(Money.of("85.00"), priced.getExpectedReimbursement());
    }

    @Test
    void aHospitalLineWithoutRevenueCodeGetsTheChargeMastersAndAProfessionalLineDoesNot() throws IOException {
        Claim office = ClaimScenarios.officeVisitClaim();
        ClaimLine bare = ClaimLine.newBuilder(office.getLines().get(0)).setRevenueCode(null).build();
        FeeSchedule chargeMaster = fees("code,amount,revenueCode\n99213,125.00,0510\n36415,15.00,0300\n");
        ClaimPricer pricer = new ClaimPricer(Map.of(), chargeMaster, new PayerContracts(Map.of()));

        Claim hospital = Claim.newBuilder(office).setClaimType(io.revcycle.events.ClaimType.INSTITUTIONAL)
                .setLines(java.util.List.of(bare)).build();
        Claim professional = Claim.newBuilder(office).setLines(java.util.List.of(bare)).build();

        assertEquals("0510", pricer.price(hospital).getLines().get(0).getRevenueCode());
        assertNull(pricer.price(professional).getLines().get(0).getRevenueCode());
    }

    @Test
    void aRevenueCodeThatIsNotFourDigitsIsRefusedWithItsLineNumber() {
        IOException e = assertThrows(IOException.class, () -> fees("code,amount,revenueCode\n99213,125.00,510\n"));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("revenue code"), e.getMessage());
    }

    @Test
    void percentRateRoundsHalfUpToTheCent() {
        ContractRate rate = new ContractRate(ContractRate.Method.PERCENT_OF_FEE_SCHEDULE, new java.math.BigDecimal("33.3"));
        assertEquals(Money.of("41.63"), rate.expected(Money.of("125.00"), 1));
    }

    @Test
    void payerWithoutContractLeavesExpectedReimbursementEmpty() throws IOException {
        ClaimPricer pricer = new ClaimPricer(Map.of(), fees("99213,125.00\n"), new PayerContracts(Map.of()));

        Claim priced = pricer.price(ClaimScenarios.officeVisitClaim());

        assertNull(priced.getExpectedReimbursement());
        assertTrue(priced.getLines().stream().allMatch(l -> l.getExpectedReimbursement() == null));
    }

    @Test
    void malformedScheduleLineIsRefusedWithItsLineNumber() {
        IOException e = assertThrows(IOException.class, () -> fees("code,amount\n99213,12.345\n"));
        assertTrue(e.getMessage().contains("line 2"));
    }

    @Test
    void bundledDefaultScheduleAndContractsLoad() throws IOException {
        try (var fees = getClass().getResourceAsStream("/pricing/fee-schedule-default.csv");
             var contracts = getClass().getResourceAsStream("/pricing/contracts-default.csv")) {
            assertTrue(FeeSchedule.read(new java.io.InputStreamReader(fees)).price("99213").isPresent());
            assertTrue(PayerContracts.read(new java.io.InputStreamReader(contracts)).rate("MEDICARE", "36415").isPresent());
        }
    }
}
