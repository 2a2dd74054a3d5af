package io.revcycle.deploy.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulator over real directories: what it picks up, what it answers, and when. */
class ClearinghouseSimulatorTest {

    @TempDir
    Path dir;

    @Test
    void anAcceptedClaimGetsA999A277caWithAPayerClaimNumberAndABalanced835() throws Exception {
        SimulatorFiles files = SimulatorFiles.quiet(dir);
        files.dropFixture("837p-office-visit-medicare.edi");

        assertEquals(1, files.simulator.pollOnce());

        String ack = files.only("acks", "-999.x12");
        assertTrue(RawX12.contains(ack, "AK1*HC*1*005010X222A1"));
        assertTrue(RawX12.contains(ack, "AK2*837*0001*005010X222A1"));
        assertTrue(RawX12.contains(ack, "IK5*A"));
        assertTrue(RawX12.contains(ack, "AK9*A*1*1*1"));
        String ca = files.only("acks", "-277CA.x12");
        assertTrue(RawX12.contains(ca, "TRN*2*CP744A7X6OGSXI4LZ"));
        assertTrue(RawX12.contains(ca, "STC*A2:20*20260321*WQ*140"));
        assertTrue(RawX12.contains(ca, "REF*1K*MCR0000000010001"));
        String era = files.only("remittances", "-835.x12");
        assertEquals(1, RawX12.assertBalanced(era));
        String[] clp = RawX12.first(era, "CLP");
        assertEquals("CP744A7X6OGSXI4LZ", clp[1], "CLP01 echoes CLM01");
        assertEquals("1", clp[2]);
        assertEquals("MCR0000000010001", clp[7], "CLP07 is the payer claim number of the 277CA");
        assertTrue(RawX12.contains(era, "REF*6R*CP744A7X6OGSXI4LZ-1"));
        assertTrue(RawX12.contains(era, "REF*6R*CP744A7X6OGSXI4LZ-2"));
        assertTrue(RawX12.contains(era, "SVC*HC:99213*125*0**1"), "the first visit of the year goes to the deductible");
        assertTrue(RawX12.contains(era, "CAS*PR*1*92.47"));
        assertTrue(RawX12.contains(era, "N1*PE*NORTHWIND FAMILY MEDICINE*XX*1234567893"));
    }

    @Test
    void aFileIsClaimedOnceAndKeptInProcessed() throws Exception {
        SimulatorFiles files = SimulatorFiles.quiet(dir);
        files.dropFixture("837p-office-visit-medicare.edi");

        assertEquals(1, files.simulator.pollOnce());
        assertEquals(0, files.simulator.pollOnce());

        try (var outbox = Files.list(dir.resolve("outbox"))) {
            assertEquals(0, outbox.count());
        }
        assertTrue(Files.exists(dir.resolve("simulator/processed/837p-office-visit-medicare.edi")));
        assertEquals(1, files.read("acks", "-999.x12").size());
    }

    @Test
    void aFileLeftClaimedByACrashIsAnsweredAtTheNextPoll() throws Exception {
        SimulatorFiles files = SimulatorFiles.quiet(dir);
        Files.write(dir.resolve("simulator/claimed/000000001-MEDICARE-837P.x12"),
                SimulatorFiles.fixture("837p-office-visit-medicare.edi"));

        assertEquals(1, files.simulator.pollOnce());

        assertEquals(1, files.read("remittances", "-835.x12").size());
    }

    @Test
    void dotFilesBeingWrittenAreLeftAlone() throws Exception {
        SimulatorFiles files = SimulatorFiles.quiet(dir);
        files.drop(".000000001-MEDICARE-837P.x12.tmp", SimulatorFiles.fixture("837p-office-visit-medicare.edi"));

        assertEquals(0, files.simulator.pollOnce());
    }

    @Test
    void theFrontEndRejectsAnInvalidMedicareMemberIdAndAnOutOfBalanceClaimWithout835() throws Exception {
        SimulatorFiles files = SimulatorFiles.quiet(dir);
        files.dropFixture("837p-invalid-medicare-member-id.edi");

        files.simulator.pollOnce();

        String ca = files.only("acks", "-277CA.x12");
        assertTrue(RawX12.contains(ca, "STC*A7:164:IL*20260321*U*140"));
        assertEquals(0, RawX12.count(ca, "REF*1K"));
        assertEquals(0, files.read("remittances", ".x12").size());

        files.drop("837p-charge-out-of-balance.edi", new String(SimulatorFiles.fixture("837p-charge-out-of-balance.edi"),
                StandardCharsets.US_ASCII).replace("000000001", "000000002").getBytes(StandardCharsets.US_ASCII));
        files.simulator.pollOnce();
        assertTrue(files.read("acks", "-277CA.x12").stream().anyMatch(f -> RawX12.contains(f, "STC*A3:400*20260321*U*150")));
    }

    @Test
    void remittancesWaitForTheDelayInPendingAndThenArrive() throws Exception {
        SimulatorFiles files = new SimulatorFiles(dir, Duration.ofHours(2), PayerProfiles.defaults().withRatesScaled(0));
        files.dropFixture("837p-office-visit-medicare.edi");

        files.simulator.pollOnce();
        assertEquals(0, files.read("remittances", ".x12").size());
        assertEquals(1, files.read("acks", "-277CA.x12").size(), "acknowledgments do not wait");

        files.clock.advance(Duration.ofMinutes(119));
        files.simulator.pollOnce();
        assertEquals(0, files.read("remittances", ".x12").size());

        files.clock.advance(Duration.ofMinutes(1));
        files.simulator.pollOnce();
        assertEquals(1, files.read("remittances", "-835.x12").size());
        assertEquals(0, files.read("simulator/pending", ".x12").size());
    }

    @Test
    void aReplacementClaimReversesThePaymentAndIsAdjudicatedAgain() throws Exception {
        SimulatorFiles files = SimulatorFiles.quiet(dir);
        String original = new String(SimulatorFiles.fixture("837p-office-visit-medicare.edi"), StandardCharsets.US_ASCII);
        files.drop("000000001-MEDICARE-837P.x12", original.getBytes(StandardCharsets.US_ASCII));
        files.simulator.pollOnce();
        String replacement = original.replace("000000001", "000000002").replace("*1*X*005010X222A1", "*2*X*005010X222A1")
                .replace("GE*1*1~", "GE*1*2~").replace("11:B:1*Y", "11:B:7*Y")
                .replace("HI*ABK:E119*ABF:I10~", "REF*F8*MCR0000000010001~\nHI*ABK:E119*ABF:I10~")
                .replace("SE*31*0001", "SE*32*0001").replace("SV1*HC:36415*15*", "SV1*HC:36415*15*");
        files.drop("000000002-MEDICARE-837P.x12", replacement.getBytes(StandardCharsets.US_ASCII));

        files.simulator.pollOnce();

        String era = files.read("remittances", "-835.x12").get(1);
        assertEquals(2, RawX12.assertBalanced(era));
        assertTrue(RawX12.lines(era).stream().anyMatch(l -> l.startsWith("CLP*CP744A7X6OGSXI4LZ*22*-140*0*-95.47*MB*MCR0000000010001")),
                "the first payment is reversed under its payer claim number");
        assertTrue(RawX12.lines(era).stream().anyMatch(l -> l.startsWith("CLP*CP744A7X6OGSXI4LZ*1*140*")
                && l.contains("*MCR0000000020001*11*7")), "the replacement is adjudicated under a new number");
        assertTrue(RawX12.contains(era, "CAS*PR*1*-95.47"), "the reversal gives back the deductible it took");
        assertTrue(RawX12.contains(era, "CAS*PR*1*92.47"), "so the replacement takes it again");
    }

    @Test
    void aReplacementOfADeniedClaimIsAdjudicatedAgainWithNothingToReverse() throws Exception {
        PayerProfiles denying = PayerProfiles.defaults().withRatesScaled(0);
        denying = denying.with(denying.profile(PayerProfiles.MEDICARE).withDenialRate(DenialReason.MEDICAL_NECESSITY, 1.0));
        SimulatorFiles files = new SimulatorFiles(dir, Duration.ZERO, denying);
        String original = new String(SimulatorFiles.fixture("837p-office-visit-medicare.edi"), StandardCharsets.US_ASCII);
        files.drop("000000001-MEDICARE-837P.x12", original.getBytes(StandardCharsets.US_ASCII));
        files.simulator.pollOnce();
        files.drop("000000002-MEDICARE-837P.x12", original.replace("000000001", "000000002").replace("11:B:1*Y", "11:B:7*Y")
                .getBytes(StandardCharsets.US_ASCII));

        files.simulator.pollOnce();

        String era = files.read("remittances", "-835.x12").get(1);
        assertEquals(1, RawX12.assertBalanced(era));
        assertTrue(RawX12.lines(era).stream().anyMatch(l -> l.startsWith("CLP*CP744A7X6OGSXI4LZ*4*140*0**MB*MCR0000000020001*11*7")));
        assertEquals(0, RawX12.lines(era).stream().filter(l -> l.startsWith("CLP*") && l.split("\\*")[2].equals("22")).count());
    }

    @Test
    void afterARestartThePayerStillKnowsWhatItPaidAndTheDeductibleMet() throws Exception {
        Path settings = Files.writeString(dir.resolveSibling(dir.getFileName() + "-payers.properties"),
                "profile.MEDICARE.deductible=100.00\n");
        PayerProfiles profiles = PayerProfiles.load(settings).withRatesScaled(0);
        String original = new String(SimulatorFiles.fixture("837p-office-visit-medicare.edi"), StandardCharsets.US_ASCII);
        SimulatorFiles before = new SimulatorFiles(dir, Duration.ZERO, profiles);
        before.drop("000000001-MEDICARE-837P.x12", original.getBytes(StandardCharsets.US_ASCII));
        before.simulator.pollOnce();
        before.simulator.close();

        SimulatorFiles after = new SimulatorFiles(dir, Duration.ZERO, profiles);
        after.drop("000000002-MEDICARE-837P.x12", original.replace("000000001", "000000002")
                .replace("CP744A7X6OGSXI4LZ", "CSECONDVISIT00001").getBytes(StandardCharsets.US_ASCII));
        after.drop("000000003-MEDICARE-837P.x12", original.replace("000000001", "000000003").replace("11:B:1*Y", "11:B:7*Y")
                .getBytes(StandardCharsets.US_ASCII));
        after.simulator.pollOnce();

        List<String> eras = after.read("remittances", "-835.x12");
        assertEquals(3, eras.size());
        assertTrue(RawX12.contains(eras.get(1), "CAS*PR*1*4.53**2*17.59"),
                "the second visit owes only what is left of the 100.00 deductible after the first visit's 95.47");
        assertTrue(RawX12.lines(eras.get(2)).stream().anyMatch(l -> l.startsWith("CLP*CP744A7X6OGSXI4LZ*22*-140*")),
                "the replacement reverses the payment made before the restart");
        assertEquals(2, RawX12.assertBalanced(eras.get(2)));
        assertEquals("9", Files.readString(dir.resolve("simulator/control-number")).strip(), "control numbers go on counting");
    }

    @Test
    void anOriginalSentAgainIsDeniedAsADuplicate() throws Exception {
        SimulatorFiles files = SimulatorFiles.quiet(dir);
        byte[] original = SimulatorFiles.fixture("837p-office-visit-medicare.edi");
        files.drop("000000001-MEDICARE-837P.x12", original);
        files.simulator.pollOnce();
        files.drop("000000005-MEDICARE-837P.x12", new String(original, StandardCharsets.US_ASCII)
                .replace("000000001", "000000005").getBytes(StandardCharsets.US_ASCII));

        files.simulator.pollOnce();

        String era = files.read("remittances", "-835.x12").get(1);
        RawX12.assertBalanced(era);
        assertTrue(RawX12.lines(era).stream().anyMatch(l -> l.startsWith("CLP*CP744A7X6OGSXI4LZ*4*140*0*")));
        assertTrue(RawX12.contains(era, "CAS*CO*18*125"));
        assertTrue(RawX12.contains(era, "LQ*HE*N522"));
    }

    @Test
    void anInstitutionalClaimIsPaidPerRevenueLineWithStatementDates() throws Exception {
        SimulatorFiles files = SimulatorFiles.quiet(dir);
        files.dropFixture("837i-emergency-commercial.edi");

        files.simulator.pollOnce();

        String era = files.only("remittances", "-835.x12");
        assertEquals(1, RawX12.assertBalanced(era));
        assertTrue(RawX12.lines(era).stream().anyMatch(l -> l.startsWith("SVC*HC:99284:25*520*") && l.endsWith("*0450*1")));
        assertTrue(RawX12.contains(era, "DTM*232*20260311"));
        assertTrue(RawX12.contains(era, "NM1*QC*1*DOE*LUCAS****MI*ACM123456789"));
        assertTrue(RawX12.contains(era, "NM1*IL*1*DOE*MARIA****MI*ACM123456789"));
        assertTrue(RawX12.lines(era).stream().anyMatch(l -> l.startsWith("CLP*CPRFQPWWIBA6SRM3X*1*575*") && l.contains("*CI*PPO")));
    }
}
