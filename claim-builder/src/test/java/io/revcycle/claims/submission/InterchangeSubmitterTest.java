package io.revcycle.claims.submission;

import io.revcycle.claims.ClaimScenarios;
import io.revcycle.claims.x12.ClaimInterchangeWriter;
import io.revcycle.claims.x12.X12Settings;
import io.revcycle.events.Claim;
import io.revcycle.events.ClaimType;
import io.revcycle.events.SubmissionBatch;
import io.revcycle.events.SubmissionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InterchangeSubmitterTest {

    static final X12Settings X12 = new X12Settings("REVCYCLE01", "REVCYCLE BILLING", "EDI DESK", "5555550100",
            "CLEARHOUSE01", "ACME CLEARINGHOUSE", "T");

    @TempDir
    Path work;

    private final Clock clock = Clock.fixed(ClaimScenarios.NOW, ZoneOffset.UTC);

    @Test
    void theInterchangeIsInTheJournalBeforeItIsHandedOverAndDeliveredAgainByteForByte() throws IOException {
        InterchangeJournal journal = new InterchangeJournal(work.resolve("journal"));
        List<String> seenAtHandOver = new ArrayList<>();
        List<byte[]> delivered = new ArrayList<>();
        ClaimGateway gateway = new ClaimGateway() {
            @Override
            public String name() {
                return "recording";
            }

            @Override
            public void submit(String fileName, byte[] interchange) throws IOException {
                for (long controlNumber : journal.controlNumbers()) {
                    seenAtHandOver.add(journal.read(controlNumber).fileName());
                }
                delivered.add(interchange);
            }
        };
        InterchangeSubmitter submitter = new InterchangeSubmitter(new ClaimInterchangeWriter(X12), gateway, journal, clock);
        Claim claim = ClaimScenarios.officeVisitClaim();

        SubmissionBatch first = submitter.submit("MEDICARE", ClaimType.PROFESSIONAL, 7, List.of(claim));
        SubmissionBatch again = submitter.redeliver(submitter.journaled(7));

        assertEquals(List.of("000000007-MEDICARE-837P.x12", "000000007-MEDICARE-837P.x12"), seenAtHandOver);
        assertArrayEquals(delivered.get(0), delivered.get(1));
        assertEquals(SubmissionStatus.SUBMITTED, again.getStatus());
        assertEquals(first.getBatchId(), again.getBatchId());
        assertEquals(first.getFileName(), again.getFileName());
        assertEquals(first.getInterchangeControlNumber(), again.getInterchangeControlNumber());
        assertEquals(first.getClaimIds(), again.getClaimIds());
        assertEquals(first.getTotalCharge(), again.getTotalCharge());
        assertEquals(claim.getHeader().getEventId(), submitter.journaled(7).claims().get(0).readyEventId());
    }

    @Test
    void whenTheJournalCannotBeWrittenNothingIsHandedOverAndTheBatchFails() throws IOException {
        Path journalDirectory = work.resolve("journal");
        InterchangeJournal journal = new InterchangeJournal(journalDirectory);
        Files.delete(journalDirectory);
        Files.writeString(journalDirectory, "a file where the journal directory should be");
        List<String> handedOver = new ArrayList<>();
        ClaimGateway gateway = new ClaimGateway() {
            @Override
            public String name() {
                return "recording";
            }

            @Override
            public void submit(String fileName, byte[] interchange) {
                handedOver.add(fileName);
            }
        };
        InterchangeSubmitter submitter = new InterchangeSubmitter(new ClaimInterchangeWriter(X12), gateway, journal, clock);

        SubmissionBatch batch = submitter.submit("MEDICARE", ClaimType.PROFESSIONAL, 8, List.of(ClaimScenarios.officeVisitClaim()));

        assertEquals(SubmissionStatus.FAILED, batch.getStatus());
        assertTrue(batch.getError().startsWith("journal: "), batch.getError());
        assertEquals(List.of(), handedOver);
    }
}
