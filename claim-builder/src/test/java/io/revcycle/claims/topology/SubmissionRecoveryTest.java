package io.revcycle.claims.topology;

import io.revcycle.claims.ClaimScenarios;
import io.revcycle.claims.MutableClock;
import io.revcycle.claims.assembly.ClaimAssembler;
import io.revcycle.claims.submission.ClaimGateway;
import io.revcycle.claims.submission.InterchangeJournal;
import io.revcycle.claims.submission.InterchangeSubmitter;
import io.revcycle.claims.x12.ClaimInterchangeWriter;
import io.revcycle.events.Claim;
import io.revcycle.events.ClaimState;
import io.revcycle.events.SubmissionBatch;
import io.revcycle.events.SubmissionStatus;
import io.revcycle.schemas.EventHeaders;
import io.revcycle.schemas.Topics;
import io.revcycle.schemas.serde.AvroSerdes;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The submission step killed between handing an interchange over and committing. The test driver
 * wipes its stores on close, so the restart is played by hand: a second driver on the same journal
 * whose stores hold what the last commit held, fed again the READY records the lost transaction had
 * read (Kafka re-delivers them from the last committed offset).
 */
class SubmissionRecoveryTest {

    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    @TempDir
    Path journalDirectory;
    @TempDir
    Path stateDir;

    private final MutableClock clock = new MutableClock(ClaimScenarios.NOW);
    private final RecordingGateway gateway = new RecordingGateway();
    private TopologyTestDriver driver;
    private TestInputTopic<String, Claim> ready;
    private TestOutputTopic<String, SubmissionBatch> submissions;

    /** Hands interchanges over into a list, or fails while told to. */
    static final class RecordingGateway implements ClaimGateway {
        record Delivery(String fileName, byte[] interchange) {
        }

        final List<Delivery> deliveries = new ArrayList<>();
        boolean down;
        String refusedOnce;

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public void submit(String fileName, byte[] interchange) throws IOException {
            if (down || fileName.equals(refusedOnce)) {
                refusedOnce = null;
                throw new IOException("clearinghouse unreachable");
            }
            deliveries.add(new Delivery(fileName, interchange));
        }
    }

    private void startDriver() throws IOException {
        Serde<Claim> claimSerde = AvroSerdes.of(Topics.CLAIMS, ClaimTopologyTest.SERDE_CONFIG);
        Serde<SubmissionBatch> batchSerde = AvroSerdes.of(Topics.CLAIM_SUBMISSIONS, ClaimTopologyTest.SERDE_CONFIG);
        InterchangeSubmitter submitter = new InterchangeSubmitter(new ClaimInterchangeWriter(ClaimTopologyTest.X12),
                gateway, new InterchangeJournal(journalDirectory), clock);
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(ClaimStores.PENDING), Serdes.String(), claimSerde));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(ClaimStores.BATCHES), Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(ClaimStores.CONTROL_NUMBERS), Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(ClaimStores.SENT), Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(ClaimStores.INTERCHANGES), Serdes.String(), Serdes.String()));
        builder.stream(Topics.CLAIMS.name(), Consumed.with(Serdes.String(), claimSerde))
                .process(() -> new SubmissionProcessor(submitter,
                                new SubmissionProcessor.BatchLimits(3, MAX_WAIT, Duration.ofSeconds(1)), clock),
                        Named.as("submit"), ClaimStores.PENDING, ClaimStores.BATCHES, ClaimStores.CONTROL_NUMBERS,
                        ClaimStores.SENT, ClaimStores.INTERCHANGES)
                .to(Topics.CLAIM_SUBMISSIONS.name(), Produced.with(Serdes.String(), batchSerde));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "submission-recovery-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), props, clock.instant());
        ready = driver.createInputTopic(Topics.CLAIMS.name(), new StringSerializer(), claimSerde.serializer());
        submissions = driver.createOutputTopic(Topics.CLAIM_SUBMISSIONS.name(), new StringDeserializer(),
                batchSerde.deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    /** A READY claim as the lifecycle emits it: its own claim id and event id. */
    private static Claim readyClaim(String claimId) {
        Claim claim = ClaimScenarios.officeVisitClaim();
        return Claim.newBuilder(claim).setClaimId(claimId).setState(ClaimState.READY)
                .setHeader(EventHeaders.create(ClaimAssembler.PRODUCER, claim.getEncounterId(), claimId))
                .build();
    }

    private void pipe(Claim claim) {
        ready.pipeInput(claim.getClaimId(), claim);
    }

    private void waitOutTheTimeLimit() {
        clock.advance(MAX_WAIT);
        driver.advanceWallClockTime(MAX_WAIT);
    }

    private KeyValueStore<String, Long> controlNumbers() {
        return driver.getKeyValueStore(ClaimStores.CONTROL_NUMBERS);
    }

    /**
     * Restores the state of the last commit before the lost one: claim A was pending (read in an
     * earlier transaction), nothing was sent yet.
     */
    private void restartAfterLostCommit(Claim pendingBeforeLostCommit, Long lastCommittedControlNumber)
            throws IOException {
        driver.close();
        startDriver();
        if (lastCommittedControlNumber != null) {
            controlNumbers().put(SubmissionProcessor.LAST_CONTROL_NUMBER, lastCommittedControlNumber);
        }
        if (pendingBeforeLostCommit != null) {
            String batchKey = "MEDICARE|" + pendingBeforeLostCommit.getClaimType();
            driver.<String, Claim>getKeyValueStore(ClaimStores.PENDING)
                    .put(batchKey + "|" + pendingBeforeLostCommit.getClaimId(), pendingBeforeLostCommit);
            driver.<String, String>getKeyValueStore(ClaimStores.BATCHES).put(batchKey, clock.millis() + ":1");
        }
    }

    @Test
    void anInterchangeHandedOverWhoseCommitIsLostIsDeliveredAgainIdenticallyRecordedOnceAndNotRebatched()
            throws IOException {
        Claim a = readyClaim("CLM-A");
        Claim b = readyClaim("CLM-B");
        startDriver();
        pipe(a);
        pipe(b);
        waitOutTheTimeLimit();
        SubmissionBatch handedOver = submissions.readValue();
        assertEquals(List.of("CLM-A", "CLM-B"), handedOver.getClaimIds());
        assertEquals(1, gateway.deliveries.size());

        // killed before the commit: only A's arrival was committed; B is read again, then new claims
        // arrive that, batched afresh, would have made a different interchange 000000001 with A and B
        restartAfterLostCommit(a, null);
        clock.advance(Duration.ofMinutes(2));
        pipe(b);
        Claim d = readyClaim("CLM-D");
        Claim e = readyClaim("CLM-E");
        pipe(d);
        pipe(e);
        waitOutTheTimeLimit();
        waitOutTheTimeLimit();

        List<SubmissionBatch> recorded = submissions.readValuesToList();
        assertEquals(2, recorded.size(), "the lost interchange once, then the new claims' own");
        SubmissionBatch again = recorded.get(0);
        assertEquals(SubmissionStatus.SUBMITTED, again.getStatus());
        assertEquals(handedOver.getInterchangeControlNumber(), again.getInterchangeControlNumber());
        assertEquals(handedOver.getBatchId(), again.getBatchId());
        assertEquals(handedOver.getFileName(), again.getFileName());
        assertEquals(handedOver.getClaimIds(), again.getClaimIds());
        assertEquals(handedOver.getTotalCharge(), again.getTotalCharge());
        assertEquals(List.of("CLM-D", "CLM-E"), recorded.get(1).getClaimIds());
        assertEquals("000000002", recorded.get(1).getInterchangeControlNumber());

        assertEquals(3, gateway.deliveries.size());
        assertEquals(gateway.deliveries.get(0).fileName(), gateway.deliveries.get(1).fileName());
        assertArrayEquals(gateway.deliveries.get(0).interchange(), gateway.deliveries.get(1).interchange());
        assertEquals(2L, controlNumbers().get(SubmissionProcessor.LAST_CONTROL_NUMBER));
        assertTrue(isEmpty(driver.getKeyValueStore(ClaimStores.PENDING)), "no claim is left to batch again");
        assertTrue(isEmpty(driver.getKeyValueStore(ClaimStores.SENT)), "the re-read READY record was recognised");
        assertEquals(String.join(",", handedOver.getClaimIds()), driver.<String, String>getKeyValueStore(ClaimStores.INTERCHANGES)
                .get(handedOver.getInterchangeControlNumber()), "its 999 finds the claims of the interchange sent again");
    }

    @Test
    void aClaimThatBecomesReadyAgainLaterIsBatchedAgain() throws IOException {
        Claim a = readyClaim("CLM-A");
        Claim b = readyClaim("CLM-B");
        Claim c = readyClaim("CLM-C");
        startDriver();
        pipe(a);
        pipe(b);
        pipe(c);
        submissions.readValue();
        restartAfterLostCommit(null, null);
        pipe(a);

        // a correction makes C READY again under a new event, after its interchange was settled
        pipe(readyClaim("CLM-C"));
        waitOutTheTimeLimit();

        List<SubmissionBatch> recorded = submissions.readValuesToList();
        assertEquals(List.of(List.of("CLM-A", "CLM-B", "CLM-C"), List.of("CLM-C")),
                recorded.stream().map(SubmissionBatch::getClaimIds).toList());
    }

    @Test
    void journalEntriesOfCommittedInterchangesAreRemovedAndNotDeliveredAgain() throws IOException {
        startDriver();
        pipe(readyClaim("CLM-A"));
        pipe(readyClaim("CLM-B"));
        pipe(readyClaim("CLM-C"));
        submissions.readValue();
        assertEquals(List.of(1L), new InterchangeJournal(journalDirectory).controlNumbers());

        restartAfterLostCommit(null, 1L);
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        assertEquals(List.of(), new InterchangeJournal(journalDirectory).controlNumbers());
        assertEquals(1, gateway.deliveries.size());
        assertTrue(submissions.isEmpty());
    }

    @Test
    void whileRunningTheJournalKeepsOnlyTheLatestInterchangesOnceTheOlderAreSurelyCommitted() throws IOException {
        startDriver();
        int interchanges = SubmissionProcessor.JOURNAL_KEEP + 2;
        for (int i = 0; i < interchanges * 3; i++) {
            pipe(readyClaim(String.format("CLM-%04d", i)));
        }
        assertEquals(interchanges, submissions.readValuesToList().size());
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertEquals(interchanges, new InterchangeJournal(journalDirectory).controlNumbers().size(),
                "nothing is dropped before it is old enough");

        clock.advance(SubmissionProcessor.JOURNAL_HORIZON);
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        List<Long> kept = new InterchangeJournal(journalDirectory).controlNumbers().stream().sorted().toList();
        assertEquals(SubmissionProcessor.JOURNAL_KEEP, kept.size());
        assertEquals(3L, kept.get(0), "the oldest went first");
        assertEquals((long) interchanges, kept.get(kept.size() - 1));
    }

    @Test
    void whileTheLostInterchangeCannotBeDeliveredAgainNoOtherTakesItsControlNumber() throws IOException {
        startDriver();
        pipe(readyClaim("CLM-A"));
        pipe(readyClaim("CLM-B"));
        pipe(readyClaim("CLM-C"));
        submissions.readValue();

        restartAfterLostCommit(null, null);
        gateway.down = true;
        pipe(readyClaim("CLM-D"));
        pipe(readyClaim("CLM-E"));
        pipe(readyClaim("CLM-F"));
        waitOutTheTimeLimit();
        assertTrue(submissions.isEmpty(), "nothing goes out before the lost interchange");
        assertNull(controlNumbers().get(SubmissionProcessor.LAST_CONTROL_NUMBER));

        gateway.down = false;
        waitOutTheTimeLimit();

        List<SubmissionBatch> recorded = submissions.readValuesToList();
        assertEquals(List.of("000000001", "000000002"),
                recorded.stream().map(SubmissionBatch::getInterchangeControlNumber).toList());
        assertEquals(List.of(List.of("CLM-A", "CLM-B", "CLM-C"), List.of("CLM-D", "CLM-E", "CLM-F")),
                recorded.stream().map(SubmissionBatch::getClaimIds).toList());
        assertArrayEquals(gateway.deliveries.get(0).interchange(), gateway.deliveries.get(1).interchange());
    }

    @Test
    void interchangesDeliveredAgainBeforeADeliveryFailsKeepTheirJournalEntriesUntilCommitted() throws IOException {
        startDriver();
        for (String id : List.of("CLM-A", "CLM-B", "CLM-C", "CLM-D", "CLM-E", "CLM-F")) {
            pipe(readyClaim(id));
        }
        List<SubmissionBatch> handedOver = submissions.readValuesToList();
        assertEquals(2, handedOver.size());

        restartAfterLostCommit(null, null);
        gateway.refusedOnce = handedOver.get(1).getFileName();
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertEquals(List.of("000000001"), submissions.readValuesToList().stream()
                .map(SubmissionBatch::getInterchangeControlNumber).toList());
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        assertEquals(List.of("000000002"), submissions.readValuesToList().stream()
                .map(SubmissionBatch::getInterchangeControlNumber).toList());
        assertEquals(List.of(1L, 2L), new InterchangeJournal(journalDirectory).controlNumbers().stream().sorted().toList(),
                "an entry delivered again stays until its record is surely committed");
        assertEquals(2L, controlNumbers().get(SubmissionProcessor.LAST_CONTROL_NUMBER));
    }

    private static boolean isEmpty(KeyValueStore<String, ?> store) {
        try (var all = store.all()) {
            return !all.hasNext();
        }
    }
}
