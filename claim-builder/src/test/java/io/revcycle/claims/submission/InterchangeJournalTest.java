package io.revcycle.claims.submission;

import io.revcycle.events.ClaimType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class InterchangeJournalTest {

    @TempDir
    Path directory;

    static InterchangeJournal.Entry entry(long controlNumber, String content) {
        String batchId = String.format("%09d", controlNumber) + "-MEDICARE-837P";
        return new InterchangeJournal.Entry(controlNumber, batchId, batchId + ".x12", "MEDICARE",
                ClaimType.PROFESSIONAL, new BigDecimal("240.00"),
                List.of(new InterchangeJournal.SentClaim("CLM-2", "ev-2"), new InterchangeJournal.SentClaim("CLM-1", "ev-1")),
                content.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void anEntryReadBackAfterReopeningIsTheInterchangeAsRecordedWithItsClaimsInOrder() throws IOException {
        InterchangeJournal.Entry recorded = entry(41, "ISA*00*...~IEA*1*000000041~");
        new InterchangeJournal(directory).record(recorded);

        InterchangeJournal reopened = new InterchangeJournal(directory);

        assertEquals(List.of(41L), reopened.controlNumbers());
        InterchangeJournal.Entry read = reopened.read(41);
        assertEquals(recorded, read);
        assertArrayEquals(recorded.interchange(), read.interchange());
        assertEquals(List.of("CLM-2", "CLM-1"), read.claims().stream().map(InterchangeJournal.SentClaim::claimId).toList());
        assertEquals("ev-2", read.claims().get(0).readyEventId());
        assertEquals(new BigDecimal("240.00"), read.totalCharge());
        assertEquals(ClaimType.PROFESSIONAL, read.claimType());
        assertEquals("000000041-MEDICARE-837P.x12", read.fileName());
    }

    @Test
    void removedEntriesAreGoneAndOthersStay() throws IOException {
        InterchangeJournal journal = new InterchangeJournal(directory);
        journal.record(entry(1, "one"));
        journal.record(entry(2, "two"));
        journal.record(entry(3, "three"));

        journal.remove(2);
        journal.remove(7);

        assertEquals(List.of(1L, 3L), journal.controlNumbers().stream().sorted(Comparator.naturalOrder()).toList());
    }

    @Test
    void filesTheJournalDidNotWriteAreNotEntries() throws IOException {
        InterchangeJournal journal = new InterchangeJournal(directory);
        journal.record(entry(5, "five"));
        Files.writeString(directory.resolve("notes.interchange"), "left here by hand");
        Files.writeString(directory.resolve("000000006.interchange.bak"), "a copy");

        assertEquals(List.of(5L), journal.controlNumbers());
    }

    @Test
    void recordingTheSameControlNumberAgainReplacesTheEntry() throws IOException {
        InterchangeJournal journal = new InterchangeJournal(directory);
        journal.record(entry(5, "first"));
        journal.record(entry(5, "second"));

        assertEquals(List.of(5L), journal.controlNumbers());
        assertArrayEquals("second".getBytes(StandardCharsets.US_ASCII), journal.read(5).interchange());
    }

    @Test
    void aHalfWrittenEntryLeftByACrashIsNotAnEntryAndIsClearedOnOpening() throws IOException {
        new InterchangeJournal(directory).record(entry(8, "whole"));
        Files.write(directory.resolve(".000000009.interchange.tmp"), new byte[] {0, 0, 0, 1, 0});

        InterchangeJournal reopened = new InterchangeJournal(directory);

        assertEquals(List.of(8L), reopened.controlNumbers());
        try (Stream<Path> files = Files.list(directory)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")));
        }
    }
}
