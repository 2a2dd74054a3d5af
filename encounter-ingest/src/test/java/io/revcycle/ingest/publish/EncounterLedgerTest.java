package io.revcycle.ingest.publish;

import io.revcycle.ingest.publish.EncounterLedger.Duplicate;
import io.revcycle.ingest.publish.EncounterLedger.NewVersion;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class EncounterLedgerTest {

    private final EncounterLedger ledger = new EncounterLedger();

    @Test
    void firstContentIsVersionOneAnUnchangedResendIsADuplicateAndChangedContentTheNextVersion() {
        assertEquals(new NewVersion(1), ledger.reserve("epic-main", "ENC-1", "h1"));
        ledger.confirm("epic-main", "ENC-1");
        assertEquals(new Duplicate(1), ledger.reserve("epic-main", "ENC-1", "h1"));
        assertEquals(new NewVersion(2), ledger.reserve("epic-main", "ENC-1", "h2"));
        ledger.confirm("epic-main", "ENC-1");
        assertEquals(new Duplicate(2), ledger.reserve("epic-main", "ENC-1", "h2"));
    }

    @Test
    void theSameEncounterIdFromAnotherSourceSystemIsAnotherEncounter() {
        ledger.reserve("epic-main", "ENC-1", "h1");
        ledger.confirm("epic-main", "ENC-1");
        assertEquals(new NewVersion(1), ledger.reserve("cerner-er", "ENC-1", "h1"));
    }

    @Test
    void aFailedSendGivesTheVersionBack() {
        ledger.reserve("epic-main", "ENC-1", "h1");
        ledger.release("epic-main", "ENC-1");
        assertEquals(new NewVersion(1), ledger.reserve("epic-main", "ENC-1", "h1"));
    }

    @Test
    void versionsReadBackAtStartupContinueTheNumbering() {
        ledger.recordPublished("epic-main", "ENC-1", 1, "h1");
        ledger.recordPublished("epic-main", "ENC-1", 3, "h3");
        ledger.recordPublished("epic-main", "ENC-1", 2, "h2");
        assertEquals(new Duplicate(3), ledger.reserve("epic-main", "ENC-1", "h3"));
        assertEquals(new NewVersion(4), ledger.reserve("epic-main", "ENC-1", "h1"));
    }

    @Test
    void aConcurrentResendWaitsForTheInFlightVersionAndThenIsADuplicate() throws Exception {
        ledger.reserve("epic-main", "ENC-1", "h1");
        CompletableFuture<EncounterLedger.Decision> second =
                CompletableFuture.supplyAsync(() -> ledger.reserve("epic-main", "ENC-1", "h1"));
        Thread.sleep(50);
        assertFalse(second.isDone(), "waits while version 1 is in flight");
        ledger.confirm("epic-main", "ENC-1");
        assertEquals(new Duplicate(1), second.get(10, TimeUnit.SECONDS));
    }
}
