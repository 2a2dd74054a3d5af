package io.revcycle.ingest.publish;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.revcycle.deploy.embedded.EmbeddedKafkaExtension;
import io.revcycle.events.EncounterReceived;
import io.revcycle.ingest.Fixtures;
import io.revcycle.ingest.IngestReady;
import io.revcycle.ingest.PublishedRecords;
import io.revcycle.schemas.Topics;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What was published survives a restart: a fresh ledger rebuilt from the encounters topic knows it. */
@ExtendWith(EmbeddedKafkaExtension.class)
@MicronautTest
class LedgerRebuildTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    LedgerReadiness readiness;

    @Inject
    KafkaClients clients;

    @Test
    void aLedgerRebuiltFromTheTopicAnswersDuplicateForPublishedContentAndContinuesTheVersions() throws InterruptedException {
        IngestReady.await(readiness);
        String id = "ENC-" + UUID.randomUUID();
        String visit = Fixtures.text("json/office-visit.json").replace("ENC-2026-110201", id);
        client.toBlocking().exchange(HttpRequest.POST("/v1/encounters", visit)
                .contentType(MediaType.APPLICATION_JSON).header("X-API-Key", "test-key-epic"), Map.class);
        EncounterReceived published = PublishedRecords.values(Topics.ENCOUNTERS, id).get(0);

        EncounterLedger restarted = new EncounterLedger();
        LedgerReadiness restartedReadiness = new LedgerReadiness();
        LedgerRebuild rebuild = new LedgerRebuild(restarted, restartedReadiness, clients);
        try {
            IngestReady.await(restartedReadiness);
            assertEquals(new EncounterLedger.Duplicate(1), restarted.reserve("epic-main", id, published.getContentHash()));
            assertEquals(new EncounterLedger.NewVersion(2), restarted.reserve("epic-main", id, "changed content"));
        } finally {
            rebuild.stop();
        }
    }
}
