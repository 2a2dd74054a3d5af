package io.revcycle.payments.era;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Era835ParserTest {

    private static BigDecimal money(String value) {
        return new BigDecimal(value);
    }

    @Test
    void readsPaymentTraceParties() throws Exception {
        RemittanceAdvice era = Fixtures.parse("paid-in-full-co45").get(0);

        assertEquals("0001", era.controlNumber());
        assertEquals(3, era.segmentPosition());
        assertEquals(money("160.00"), era.totalPaid());
        assertEquals("ACH", era.paymentMethod());
        assertEquals(LocalDate.of(2026, 11, 20), era.paymentDate());
        assertEquals("EFT1001", era.traceNumber());
        assertEquals("ACME01", era.payerId());
        assertEquals("ACME HEALTH PLAN", era.payerName());
        assertEquals("1234567893", era.payeeNpi());
        assertEquals("061234567", era.payeeTaxId());
        assertEquals(LocalDate.of(2026, 11, 19), era.productionDate());
        assertEquals("ACME01:EFT1001", era.remittanceId());
    }

    @Test
    void readsClaimLinesAndLineControlNumbers() throws Exception {
        ClaimPayment claim = Fixtures.parse("paid-in-full-co45").get(0).claims().get(0);

        assertEquals("C1001", claim.patientControlNumber());
        assertEquals("1", claim.statusCode());
        assertEquals(money("200.00"), claim.charge());
        assertEquals(money("160.00"), claim.paid());
        assertNull(claim.patientResponsibility());
        assertEquals("PCN1001A", claim.payerClaimControlNumber());
        assertEquals(1, claim.headerNumber());
        assertEquals(LocalDate.of(2026, 11, 1), claim.statementFrom());
        assertEquals(List.of(new ClaimParty("QC", "MI", "W123456789")), claim.parties());
        assertEquals(2, claim.lines().size());
        ServicePayment first = claim.lines().get(0);
        assertEquals("99213", first.procedureCode());
        assertEquals("C1001-1", first.lineControlNumber());
        assertEquals(List.of(new CasAdjustment("CO", "45", money("24.00"), null)), first.adjustments());
        assertEquals(money("96.00"), first.allowed());
        assertEquals(LocalDate.of(2026, 11, 1), first.serviceDate());
    }

    @Test
    void readsAllSixCasTripletsModifiersAndRemarkCodes() throws Exception {
        ClaimPayment claim = Fixtures.parse("deductible-coinsurance-copay-line-cas").get(0).claims().get(0);

        assertEquals(money("165.00"), claim.patientResponsibility());
        assertEquals(List.of("MA01"), claim.remarkCodes());
        ServicePayment first = claim.lines().get(0);
        assertEquals(List.of("25"), first.modifiers());
        assertEquals(7, first.adjustments().size(), "six CO triplets and one PR");
        assertEquals(List.of("45", "253", "59", "94", "131", "45", "1"),
                first.adjustments().stream().map(CasAdjustment::reasonCode).toList());
        assertEquals(List.of("26", "RT"), claim.lines().get(1).modifiers());
        ServicePayment third = claim.lines().get(2);
        assertEquals(List.of(new CasAdjustment("CO", "45", money("15.00"), null),
                new CasAdjustment("PR", "3", money("20.00"), null),
                new CasAdjustment("PR", "3", money("5.00"), null)), third.adjustments());
        assertEquals(List.of("N130"), third.remarkCodes());
    }

    @Test
    void readsSeveralTransactionSetsAndEveryPlbPair() throws Exception {
        List<RemittanceAdvice> eras = Fixtures.parse("two-st-plb-interest-and-recoupment");

        assertEquals(2, eras.size());
        assertEquals(List.of("0001", "0002"), eras.stream().map(RemittanceAdvice::controlNumber).toList());
        ProviderLevelAdjustment interest = eras.get(0).providerAdjustments().get(0);
        assertEquals("L6", interest.reasonCode());
        assertEquals(money("-5.25"), interest.amount());
        assertEquals(LocalDate.of(2026, 12, 31), interest.fiscalPeriodDate());
        List<ProviderLevelAdjustment> second = eras.get(1).providerAdjustments();
        assertEquals(2, second.size());
        assertEquals("WO", second.get(0).reasonCode());
        assertEquals("PCN0999A", second.get(0).referenceId());
        assertEquals(money("75.00"), second.get(0).amount());
        assertEquals("FB", second.get(1).reasonCode());
        assertEquals(5, second.get(1).elementPosition());
        assertEquals(money("10.00"), second.get(1).amount());
    }

    @Test
    void readsReversalWithNegativeAmounts() throws Exception {
        List<ClaimPayment> claims = Fixtures.parse("reversal-and-correction").get(0).claims();

        assertTrue(claims.get(0).isReversal());
        assertEquals(money("-160.00"), claims.get(0).paid());
        assertEquals(money("-40.00"), claims.get(0).adjustments().get(0).amount());
        assertEquals("PCN1001B", claims.get(1).payerClaimControlNumber());
    }

    @Test
    void truncatedFileNamesTheSegmentCutShort() {
        RemittanceParseException error = assertThrows(RemittanceParseException.class, () -> Fixtures.parse("truncated"));
        assertEquals("truncated.edi", error.sourceFile());
        assertEquals(15, error.segmentPosition());
        assertEquals("CAS", error.segmentId());
        assertTrue(error.reason().contains("end of stream"), error.getMessage());
    }

    @Test
    void garbledAmountNamesSegmentAndElement() {
        RemittanceParseException error = assertThrows(RemittanceParseException.class, () -> Fixtures.parse("garbled"));
        assertEquals(14, error.segmentPosition());
        assertEquals("CLP", error.segmentId());
        assertEquals(3, error.elementPosition());
    }

    @Test
    void wrongSegmentCountNamesTheSe() {
        RemittanceParseException error = assertThrows(RemittanceParseException.class, () -> Fixtures.parse("wrong-se-count"));
        assertEquals(19, error.segmentPosition());
        assertEquals("SE", error.segmentId());
        assertEquals(1, error.elementPosition());
        assertTrue(error.reason().contains("count"), error.getMessage());
    }

    @Test
    void wrongSeparatorsAreRefused() {
        RemittanceParseException error = assertThrows(RemittanceParseException.class, () -> Fixtures.parse("wrong-separators"));
        assertEquals(2, error.segmentPosition(), error.getMessage());
        assertTrue(error.reason().contains("after ISA"), error.getMessage());
    }

    @Test
    void emptyAndShortInputAreRefused() {
        for (String text : new String[]{"", "ISA*00*short~", "hello world"}) {
            RemittanceParseException error = assertThrows(RemittanceParseException.class, () -> new Era835Parser()
                    .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), "odd.edi"));
            assertEquals(1, error.segmentPosition(), error.getMessage());
            assertTrue(error.reason().startsWith("unreadable X12"), error.getMessage());
        }
    }
}
