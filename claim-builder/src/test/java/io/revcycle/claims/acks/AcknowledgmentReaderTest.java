package io.revcycle.claims.acks;

import io.revcycle.events.Acknowledgment;
import io.revcycle.events.AcknowledgmentKind;
import io.revcycle.events.AcknowledgmentResult;
import io.revcycle.events.ExceptionKind;
import io.revcycle.events.ProcessingException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AcknowledgmentReaderTest {

    static final String OFFICE_VISIT = "CP744A7X6OGSXI4LZ";
    static final String SECOND = "CQ2SECONDCLAIM002";

    /** Claims sent: the office visit alone in interchange 7, and with a second claim in interchange 8. */
    static final ClaimDirectory SENT = new ClaimDirectory() {
        private final Map<String, String> byTransaction = Map.of(
                "000000007/0001", OFFICE_VISIT, "000000008/0001", OFFICE_VISIT, "000000008/0002", SECOND);

        @Override
        public boolean exists(String claimId) {
            return byTransaction.containsValue(claimId);
        }

        @Override
        public Map<String, String> claimsInInterchange(String interchangeControlNumber) {
            Map<String, String> sent = new HashMap<>();
            byTransaction.forEach((transaction, claimId) -> {
                if (transaction.startsWith(interchangeControlNumber + "/")) {
                    sent.put(transaction.substring(transaction.indexOf('/') + 1), claimId);
                }
            });
            return sent;
        }
    };

    private final AcknowledgmentReader reader = new AcknowledgmentReader(SENT,
            Clock.fixed(Instant.parse("2026-03-21T09:00:00Z"), ZoneOffset.UTC));

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = AcknowledgmentReaderTest.class.getResourceAsStream("/acks/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void accepted999AcknowledgesTheClaimOfTheTransactionSet() throws IOException {
        AcknowledgmentOutcome outcome = reader.read(fixture("999-accepted.edi"), "999-accepted.edi");

        Acknowledgment ack = outcome.acknowledgments().get(0);
        assertEquals(OFFICE_VISIT, ack.getClaimId());
        assertEquals(AcknowledgmentKind.IMPLEMENTATION_999, ack.getKind());
        assertEquals(AcknowledgmentResult.ACCEPTED, ack.getResult());
        assertEquals("000000007", ack.getInterchangeControlNumber());
        assertEquals("0001", ack.getTransactionSetControlNumber());
    }

    @Test
    void rejected999CarriesTheSegmentAndElementErrorsOfIk3AndIk4() throws IOException {
        Acknowledgment ack = reader.read(fixture("999-rejected-missing-payer-id.edi"), "f").acknowledgments().get(0);

        assertEquals(AcknowledgmentResult.REJECTED, ack.getResult());
        assertEquals(2, ack.getErrors().size());
        assertEquals("NM1 (segment 17, loop 2010BB)", ack.getErrors().get(0).getField());
        assertEquals("NM1 (segment 17) element 9", ack.getErrors().get(1).getField());
        assertEquals(List.of("1"), ack.getErrors().get(1).getCodes());
    }

    @Test
    void partially999AcceptedSplitsPerTransactionSet() throws IOException {
        List<Acknowledgment> acks = reader.read(fixture("999-partially-accepted.edi"), "f").acknowledgments();

        assertEquals(List.of(OFFICE_VISIT, SECOND), acks.stream().map(Acknowledgment::getClaimId).toList());
        assertEquals(List.of(AcknowledgmentResult.ACCEPTED, AcknowledgmentResult.REJECTED),
                acks.stream().map(Acknowledgment::getResult).toList());
        assertTrue(acks.get(0).getErrors().isEmpty());
        assertTrue(acks.get(1).getErrors().get(1).getMessage().contains("14O"));
    }

    @Test
    void accepted277caCarriesCategoryAndPayerClaimNumber() throws IOException {
        Acknowledgment ack = reader.read(fixture("277ca-accepted.edi"), "f").acknowledgments().get(0);

        assertEquals(AcknowledgmentKind.CLAIM_277CA, ack.getKind());
        assertEquals(AcknowledgmentResult.ACCEPTED, ack.getResult());
        assertEquals("A2", ack.getStatusCategory());
        assertEquals("MCR2026080000123", ack.getPayerClaimControlNumber());
    }

    @Test
    void rejected277caListsEveryStatusAsAReason() throws IOException {
        Acknowledgment ack = reader.read(fixture("277ca-rejected-invalid-member-id.edi"), "f").acknowledgments().get(0);

        assertEquals(AcknowledgmentResult.REJECTED, ack.getResult());
        assertEquals(List.of("A7:562", "A7:33"), ack.getStatusCodes());
        assertEquals(2, ack.getErrors().size());
    }

    @Test
    void partially277caAcceptedGivesOneResultPerClaim() throws IOException {
        List<Acknowledgment> acks = reader.read(fixture("277ca-partially-accepted.edi"), "f").acknowledgments();

        assertEquals(List.of(AcknowledgmentResult.ACCEPTED, AcknowledgmentResult.REJECTED),
                acks.stream().map(Acknowledgment::getResult).toList());
        assertEquals(SECOND, acks.get(1).getClaimId());
    }

    @Test
    void fileNamingAClaimNeverSentAppliesNothing() throws IOException {
        AcknowledgmentOutcome outcome = reader.read(fixture("277ca-unknown-claim.edi"), "277ca-unknown-claim.edi");

        assertFalse(outcome.isApplied());
        assertTrue(outcome.acknowledgments().isEmpty());
        ProcessingException failure = outcome.failure();
        assertEquals(ExceptionKind.UNKNOWN_CLAIM, failure.getKind());
        assertEquals("CNEVERSENT0000000", failure.getClaimId());
        assertEquals("TRN", failure.getSegmentId());
        assertEquals(2, failure.getElementPosition());
    }

    @Test
    void malformedX12IsAnsweredWithTheSegmentAtFault() throws IOException {
        ProcessingException failure = reader.read(fixture("999-malformed-bad-se-count.edi"), "f").failure();

        assertEquals(ExceptionKind.PARSE_ERROR, failure.getKind());
        assertEquals("SE", failure.getSegmentId());
        assertEquals(8L, failure.getSegmentPosition());
        assertEquals(1, failure.getElementPosition());
    }

    @Test
    void textThatIsNotX12IsAParseError() {
        ProcessingException failure = reader.read("hello".getBytes(StandardCharsets.US_ASCII), "f").failure();
        assertEquals(ExceptionKind.PARSE_ERROR, failure.getKind());
    }
}
