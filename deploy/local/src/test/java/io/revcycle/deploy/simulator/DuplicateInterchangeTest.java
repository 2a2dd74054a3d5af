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

/**
 * Duplicate interchange detection by sender and ISA13, as clearinghouses do it: the claim builder
 * delivers an interchange again after a crash when it cannot know whether the first delivery
 * counted, and must not get its claims answered or paid twice.
 */
class DuplicateInterchangeTest {

    private static final String NAME = "000000001-MEDICARE-837P.x12";

    @TempDir
    Path dir;

    @Test
    void theSameInterchangeDeliveredAgainIsAlreadyReceivedAndNotAnsweredOrPaidAgain() throws Exception {
        SimulatorFiles files = SimulatorFiles.quiet(dir);
        byte[] interchange = SimulatorFiles.fixture("837p-office-visit-medicare.edi");
        files.drop(NAME, interchange);
        files.simulator.pollOnce();

        files.drop(NAME, interchange);
        assertEquals(1, files.simulator.pollOnce(), "the second delivery is picked up");

        assertEquals(1, files.read("acks", "-999.x12").size());
        assertEquals(1, files.read("acks", "-277CA.x12").size());
        assertEquals(1, files.read("remittances", "-835.x12").size(), "paid once");
        assertEquals(0, files.read("acks", "-TA1.x12").size());
        assertTrue(Files.exists(dir.resolve("simulator/duplicates/" + NAME)));
        assertTrue(Files.exists(dir.resolve("simulator/processed/" + NAME)), "the first delivery stays the one answered");
    }

    @Test
    void anotherInterchangeUnderAUsedControlNumberIsRefusedWithATa1AndNotAdjudicated() throws Exception {
        SimulatorFiles files = SimulatorFiles.quiet(dir);
        byte[] first = SimulatorFiles.fixture("837p-office-visit-medicare.edi");
        files.drop(NAME, first);
        files.simulator.pollOnce();

        byte[] other = new String(first, StandardCharsets.US_ASCII).replace("CP744A7X6OGSXI4LZ", "CSECONDVISIT00001")
                .getBytes(StandardCharsets.US_ASCII);
        files.drop(NAME, other);
        files.simulator.pollOnce();

        String ta1 = files.only("acks", "-TA1.x12");
        assertEquals(105, ta1.indexOf('~'), "the ISA has its fixed length");
        String[] answer = RawX12.first(ta1, "TA1");
        assertEquals("000000001", answer[1], "TA101 names the refused interchange");
        assertEquals("R", answer[4]);
        assertEquals("025", answer[5], "duplicate interchange control number");
        assertEquals("0", RawX12.first(ta1, "IEA")[1], "a TA1 interchange holds no functional group");
        assertEquals(1, files.read("acks", "-999.x12").size());
        assertEquals(1, files.read("acks", "-277CA.x12").size());
        List<String> eras = files.read("remittances", "-835.x12");
        assertEquals(1, eras.size());
        assertTrue(eras.stream().noneMatch(era -> era.contains("CSECONDVISIT00001")), "the refused claim is not adjudicated");
    }

    @Test
    void afterARestartTheInterchangesReceivedBeforeAreStillKnown() throws Exception {
        byte[] interchange = SimulatorFiles.fixture("837p-office-visit-medicare.edi");
        SimulatorFiles before = new SimulatorFiles(dir, Duration.ZERO, PayerProfiles.defaults().withRatesScaled(0));
        before.drop(NAME, interchange);
        before.simulator.pollOnce();
        before.simulator.close();

        SimulatorFiles after = new SimulatorFiles(dir, Duration.ZERO, PayerProfiles.defaults().withRatesScaled(0));
        after.drop(NAME, interchange);
        after.simulator.pollOnce();

        assertEquals(1, after.read("acks", "-999.x12").size());
        assertEquals(1, after.read("remittances", "-835.x12").size(), "paid once across the restart");
        assertTrue(Files.exists(dir.resolve("simulator/duplicates/" + NAME)));
    }

    @Test
    void aDifferentSenderMayUseTheSameControlNumber() throws Exception {
        SimulatorFiles files = SimulatorFiles.quiet(dir);
        byte[] first = SimulatorFiles.fixture("837p-office-visit-medicare.edi");
        files.drop(NAME, first);
        files.simulator.pollOnce();

        files.drop("other-sender.x12", new String(first, StandardCharsets.US_ASCII).replace("REVCYCLE01     ", "OTHERBILLER01  ")
                .replace("CP744A7X6OGSXI4LZ", "CSECONDVISIT00001").getBytes(StandardCharsets.US_ASCII));
        files.simulator.pollOnce();

        assertEquals(2, files.read("acks", "-999.x12").size());
        assertEquals(0, files.read("acks", "-TA1.x12").size());
    }
}
