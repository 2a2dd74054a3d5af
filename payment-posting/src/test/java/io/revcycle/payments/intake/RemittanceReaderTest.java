package io.revcycle.payments.intake;

import io.revcycle.events.ExceptionKind;
import io.revcycle.events.ProcessingException;
import io.revcycle.events.ProviderAdjustment;
import io.revcycle.events.RemittanceClaimPayment;
import io.revcycle.payments.era.Fixtures;
import io.revcycle.schemas.Topics;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RemittanceReaderTest {

    private final RemittanceReader reader = new RemittanceReader(new RemittanceEvents(Clock.systemUTC()));

    private RemittanceReader.Reading read(String fixture) {
        return reader.read(Fixtures.bytes(fixture), fixture + ".edi");
    }

    @Test
    void balancedClaimBecomesOneClaimPaymentKeyedByClaimId() {
        RemittanceReader.Reading reading = read("deductible-coinsurance-copay-line-cas");

        assertFalse(reading.failed());
        assertEquals(1, reading.records().size());
        RemittanceReader.Outgoing out = reading.records().get(0);
        assertEquals(Topics.REMITTANCES, out.topic());
        assertEquals("C1002", out.key());
        RemittanceClaimPayment payment = (RemittanceClaimPayment) out.value();
        assertEquals("ACME01:EFT1002", payment.getRemittanceId());
        assertEquals(new BigDecimal("250.00"), payment.getPaidAmount());
        assertEquals(new BigDecimal("415.00"), payment.getAllowedAmount(), "sum of AMT*B6 of the lines");
        assertEquals(3, payment.getLines().size());
        assertEquals("C1002-2", payment.getLines().get(1).getLineControlNumber());
        assertEquals(List.of("26", "RT"), payment.getLines().get(1).getModifiers());
        assertEquals(List.of("MA01"), payment.getRemarkCodes());
    }

    @Test
    void everyPlbPairOfEveryTransactionBecomesAProviderAdjustment() {
        RemittanceReader.Reading reading = read("two-st-plb-interest-and-recoupment");

        List<ProviderAdjustment> plbs = reading.records().stream().map(RemittanceReader.Outgoing::value)
                .filter(ProviderAdjustment.class::isInstance).map(ProviderAdjustment.class::cast).toList();
        assertEquals(List.of("L6", "WO", "FB"), plbs.stream().map(ProviderAdjustment::getReasonCode).toList());
        assertEquals(List.of(new BigDecimal("-5.25"), new BigDecimal("75.00"), new BigDecimal("10.00")),
                plbs.stream().map(ProviderAdjustment::getAmount).toList());
        assertEquals("ACME01:EFT1006", plbs.get(1).getRemittanceId());
        assertEquals(2, reading.report().claims().size());
    }

    @Test
    void unbalancedTransactionSendsOnlyTheExceptionWithFigures() {
        RemittanceReader.Reading reading = read("unbalanced-claim").movedTo("failed/unbalanced-claim.edi");

        assertTrue(reading.failed());
        assertEquals(1, reading.records().size());
        ProcessingException exception = (ProcessingException) reading.records().get(0).value();
        assertEquals(Topics.REMITTANCE_EXCEPTIONS, reading.records().get(0).topic());
        assertEquals(ExceptionKind.UNBALANCED_CLAIM, exception.getKind());
        assertEquals("C1006", exception.getClaimId());
        assertEquals(14L, exception.getSegmentPosition());
        assertEquals("10.00", exception.getFigures().get("difference"));
        assertEquals("100.00", exception.getFigures().get("charge"));
        assertEquals("failed/unbalanced-claim.edi", exception.getMovedTo());
        assertFalse(reading.report().claims().get(0).sentForPosting());
    }

    @Test
    void unreadableFileSendsAParseErrorNamingSegmentAndElement() {
        RemittanceReader.Reading reading = read("garbled");

        assertTrue(reading.failed());
        ProcessingException exception = (ProcessingException) reading.records().get(0).value();
        assertEquals(ExceptionKind.PARSE_ERROR, exception.getKind());
        assertEquals("garbled.edi", reading.records().get(0).key());
        assertEquals("CLP", exception.getSegmentId());
        assertEquals(14L, exception.getSegmentPosition());
        assertEquals(3, exception.getElementPosition());
    }
}
