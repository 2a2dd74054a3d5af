package io.revcycle.deploy.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Malformed 837s are answered with a rejecting 999 that says what is wrong, never with a crash. */
class MalformedClaimFileTest {

    @TempDir
    Path dir;

    private String answer(String fixture) throws Exception {
        SimulatorFiles files = SimulatorFiles.quiet(dir);
        files.dropFixture(fixture);
        assertEquals(1, files.simulator.pollOnce());
        assertEquals(0, files.read("acks", "-277CA.x12").size(), "a claim rejected by the 999 gets no 277CA");
        assertEquals(0, files.read("remittances", ".x12").size(), "nor an 835");
        assertTrue(Files.exists(dir.resolve("simulator/processed").resolve(fixture)));
        return files.only("acks", "-999.x12");
    }

    @Test
    void aMissingPayerIdIsReportedAsTheSegmentAndElementAtFault() throws Exception {
        String ack = answer("837p-missing-payer-id.edi");

        assertTrue(RawX12.contains(ack, "IK3*NM1*18*2010BB*8"), RawX12.lines(ack).toString());
        assertTrue(RawX12.contains(ack, "IK4*9*67*1"));
        assertTrue(RawX12.contains(ack, "IK5*R*5"));
        assertTrue(RawX12.contains(ack, "AK9*R*1*1*0"));
    }

    @Test
    void aChargeThatIsNotANumberIsAnInvalidCharacterWithTheBadValueCopied() throws Exception {
        String ack = answer("837p-invalid-claim-charge.edi");

        assertTrue(RawX12.contains(ack, "IK3*CLM*19*2300*8"), RawX12.lines(ack).toString());
        assertTrue(RawX12.contains(ack, "IK4*2*782*6*14O"));
        assertTrue(RawX12.contains(ack, "IK5*R*5"));
    }

    @Test
    void aServiceLineWithoutProcedureCodeIsAMissingRequiredElement() throws Exception {
        String ack = answer("837p-line-without-procedure-code.edi");

        assertTrue(RawX12.contains(ack, "IK3*SV1*28*2400*8"), RawX12.lines(ack).toString());
        assertTrue(RawX12.contains(ack, "IK4*1*234*1"));
        assertTrue(RawX12.contains(ack, "AK9*R*1*1*0"));
    }

    @Test
    void aWrongSegmentCountRejectsTheTransactionSet() throws Exception {
        String ack = answer("837p-wrong-segment-count.edi");

        assertTrue(RawX12.contains(ack, "AK2*837*0001*005010X222A1"));
        assertTrue(RawX12.contains(ack, "IK5*R*4"));
        assertTrue(RawX12.contains(ack, "AK9*R*1*1*0"));
    }

    @Test
    void aTruncatedFileRejectsTheSetWhoseTrailerIsMissing() throws Exception {
        String ack = answer("837p-truncated.edi");

        assertTrue(RawX12.contains(ack, "AK1*HC*1*005010X222A1"));
        assertTrue(RawX12.contains(ack, "IK5*R*2"));
        assertTrue(RawX12.contains(ack, "AK9*R*1*1*0"));
    }

    @Test
    void aFileThatIsNotX12GetsARejectingAcknowledgmentOfNothing() throws Exception {
        String ack = answer("837-garbled.edi");

        assertTrue(RawX12.contains(ack, "AK1*HC*0*005010X222A1"));
        assertTrue(RawX12.contains(ack, "AK9*R*0*0*0"));
        assertEquals(0, RawX12.count(ack, "AK2"));
    }

    @Test
    void oneBadClaimInAFileIsRejectedAndTheOtherGoesOn() throws Exception {
        SimulatorFiles files = SimulatorFiles.quiet(dir);
        files.dropFixture("837p-two-claims-second-missing-payer-id.edi");

        files.simulator.pollOnce();

        String ack = files.only("acks", "-999.x12");
        assertTrue(RawX12.contains(ack, "AK9*P*2*2*1"));
        assertEquals(1, RawX12.count(ack, "IK5*A"));
        assertEquals(1, RawX12.count(ack, "IK5*R*5"));
        String ca = files.only("acks", "-277CA.x12");
        assertTrue(RawX12.contains(ca, "TRN*2*CP744A7X6OGSXI4LZ"));
        assertEquals(0, RawX12.count(ca, "TRN*2*CQ2SECONDCLAIM002"));
        String era = files.only("remittances", "-835.x12");
        assertEquals(1, RawX12.assertBalanced(era));
    }
}
