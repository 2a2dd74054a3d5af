package io.revcycle.claims.topology;

import io.revcycle.claims.ClaimScenarios;
import io.revcycle.claims.MutableClock;
import io.revcycle.claims.assembly.ClaimAssembler;
import io.revcycle.claims.pricing.ClaimPricer;
import io.revcycle.claims.pricing.FeeSchedule;
import io.revcycle.claims.pricing.PayerContracts;
import io.revcycle.claims.scrub.ClaimScrubber;
import io.revcycle.claims.scrub.PayerRules;
import io.revcycle.claims.scrub.PayerRulesCatalog;
import io.revcycle.claims.state.ClaimMetrics;
import io.revcycle.claims.submission.FileDropGateway;
import io.revcycle.claims.submission.InterchangeJournal;
import io.revcycle.claims.submission.InterchangeSubmitter;
import io.revcycle.claims.x12.ClaimInterchangeValidator;
import io.revcycle.claims.x12.ClaimInterchangeWriter;
import io.revcycle.claims.x12.X12Reader;
import io.revcycle.claims.x12.X12Settings;
import io.revcycle.events.Acknowledgment;
import io.revcycle.events.AcknowledgmentKind;
import io.revcycle.events.AcknowledgmentResult;
import io.revcycle.events.Claim;
import io.revcycle.events.ClaimState;
import io.revcycle.events.CodedEncounter;
import io.revcycle.events.EncounterReceived;
import io.revcycle.events.SubmissionBatch;
import io.revcycle.events.SubmissionStatus;
import io.revcycle.schemas.EventHeaders;
import io.revcycle.schemas.Topics;
import io.revcycle.schemas.serde.AvroSerdes;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClaimTopologyTest {

    static final Map<String, String> SERDE_CONFIG = Map.of("schema.registry.url", "mock://claim-topology-test");
    static final X12Settings X12 = new X12Settings("REVCYCLE01", "REVCYCLE BILLING", "EDI DESK", "5555550100",
            "CLEARHOUSE01", "ACME CLEARINGHOUSE", "T");

    @TempDir
    Path outbox;
    @TempDir
    Path stateDir;

    private final MutableClock clock = new MutableClock(ClaimScenarios.NOW);

    private TopologyTestDriver driver;
    private TestInputTopic<String, CodedEncounter> coded;
    private TestInputTopic<String, Acknowledgment> acks;
    private TestOutputTopic<String, Claim> claims;
    private TestOutputTopic<String, SubmissionBatch> submissions;

    static ClaimTopology topology(Path outbox, int maxClaims, Clock clock) throws IOException {
        FeeSchedule fees = FeeSchedule.read(new StringReader("99213,125.00\n36415,15.00\n"));
        PayerContracts contracts = PayerContracts.read(new StringReader("MEDICARE,*,PERCENT,80\n"));
        PayerRulesCatalog payers = new PayerRulesCatalog(Map.of(), PayerRules.standard(180));
        return new ClaimTopology(new ClaimAssembler(), new ClaimPricer(Map.of(), fees, contracts),
                fingerprints -> ClaimScrubber.standard(payers, fingerprints),
                new InterchangeSubmitter(new ClaimInterchangeWriter(X12), new FileDropGateway(outbox),
                        new InterchangeJournal(outbox.resolveSibling(outbox.getFileName() + "-journal")), clock),
                maxClaims, Duration.ofSeconds(30), Duration.ofSeconds(1), ClaimMetrics.NONE, clock, SERDE_CONFIG);
    }

    @BeforeEach
    void start() throws IOException {
        startDriver();
    }

    private void startDriver() throws IOException {
        StreamsBuilder builder = new StreamsBuilder();
        topology(outbox, 2, clock).build(builder);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "claim-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        driver = new TopologyTestDriver(builder.build(), props, clock.instant());
        coded = driver.createInputTopic(Topics.ENCOUNTERS_CODED.name(), new StringSerializer(),
                AvroSerdes.of(Topics.ENCOUNTERS_CODED, SERDE_CONFIG).serializer());
        acks = driver.createInputTopic(Topics.CLAIM_ACKS.name(), new StringSerializer(),
                AvroSerdes.of(Topics.CLAIM_ACKS, SERDE_CONFIG).serializer());
        claims = driver.createOutputTopic(Topics.CLAIMS.name(), new StringDeserializer(),
                AvroSerdes.of(Topics.CLAIMS, SERDE_CONFIG).deserializer());
        submissions = driver.createOutputTopic(Topics.CLAIM_SUBMISSIONS.name(), new StringDeserializer(),
                AvroSerdes.of(Topics.CLAIM_SUBMISSIONS, SERDE_CONFIG).deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void codedEncounterBecomesACreatedThenReadyClaimWithExpectedReimbursement() {
        CodedEncounter visit = ClaimScenarios.officeVisitTwoLines();
        coded.pipeInput(visit.getEncounterId(), visit);

        List<Claim> states = claims.readValuesToList();
        assertEquals(List.of(ClaimState.CREATED, ClaimState.READY), states.stream().map(Claim::getState).toList());
        Claim ready = states.get(1);
        assertEquals(List.of(ClaimState.CREATED, ClaimState.READY), ready.getHistory().stream().map(h -> h.getState()).toList());
        assertEquals(new java.math.BigDecimal("112.00"), ready.getExpectedReimbursement());
    }

    @Test
    void replayedEncounterMakesNoSecondClaim() {
        CodedEncounter visit = ClaimScenarios.officeVisitTwoLines();
        coded.pipeInput(visit.getEncounterId(), visit);
        coded.pipeInput(visit.getEncounterId(), visit);

        assertEquals(2, claims.readValuesToList().size());
    }

    @Test
    void brokenEncounterBecomesAScrubFailureWithEveryReasonNeverAnException() {
        CodedEncounter visit = ClaimScenarios.officeVisitTwoLines();
        EncounterReceived broken = EncounterReceived.newBuilder(visit.getEncounter()).setPlaceOfService("98")
                .setBillingProvider(io.revcycle.events.Provider.newBuilder(visit.getEncounter().getBillingProvider())
                        .setNpi("1234567890").build())
                .build();
        coded.pipeInput(visit.getEncounterId(), CodedEncounter.newBuilder(visit).setEncounter(broken).build());

        Claim failed = claims.readValuesToList().get(1);
        assertEquals(ClaimState.SCRUB_FAILED, failed.getState());
        assertEquals(List.of("NPI_CHECK_DIGIT", "PLACE_OF_SERVICE"),
                failed.getFindings().stream().map(f -> f.getRule()).sorted().toList());
        assertTrue(submissions.isEmpty());
    }

    @Test
    void secondEncounterForTheSameVisitFailsAsDuplicate() {
        CodedEncounter visit = ClaimScenarios.officeVisitTwoLines();
        coded.pipeInput(visit.getEncounterId(), visit);
        CodedEncounter again = ClaimScenarios.withEncounterId(visit, "ENC-OV-1002");
        coded.pipeInput(again.getEncounterId(), again);

        List<Claim> states = claims.readValuesToList();
        Claim last = states.get(states.size() - 1);
        assertEquals(ClaimState.SCRUB_FAILED, last.getState());
        assertEquals("DUPLICATE_CLAIM", last.getFindings().get(0).getRule());
    }

    @Test
    void fullBatchIsWrittenToTheOutboxOnceAndItsClaimsBecomeSubmittedThenAcceptedOnA277caThenPaid() throws Exception {
        CodedEncounter visit = ClaimScenarios.officeVisitTwoLines();
        CodedEncounter other = ClaimScenarios.withEncounterId(
                CodedEncounter.newBuilder(visit).setEncounter(EncounterReceived.newBuilder(visit.getEncounter())
                        .setPatientId("MRN-1077").build()).build(), "ENC-OV-1077");
        coded.pipeInput(visit.getEncounterId(), visit);
        coded.pipeInput(other.getEncounterId(), other);

        List<SubmissionBatch> batches = submissions.readValuesToList();
        assertEquals(1, batches.size());
        SubmissionBatch batch = batches.get(0);
        assertEquals(SubmissionStatus.SUBMITTED, batch.getStatus());
        assertEquals("000000001", batch.getInterchangeControlNumber());
        assertEquals(2, batch.getClaimIds().size());
        List<Path> files;
        try (Stream<Path> listing = Files.list(outbox)) {
            files = listing.toList();
        }
        assertEquals(List.of(outbox.resolve(batch.getFileName())), files);
        byte[] x12 = Files.readAllBytes(files.get(0));
        assertEquals(List.of(), new ClaimInterchangeValidator().validate(new X12Reader().read(x12)));

        Map<String, Claim> latest = latestByClaim(claims.readRecordsToList());
        latest.values().forEach(c -> assertEquals(ClaimState.SUBMITTED, c.getState()));
        String claimId = batch.getClaimIds().get(0);
        assertEquals("0001", latest.get(claimId).getSubmission().getTransactionSetControlNumber());

        acks.pipeInput(claimId, Acknowledgment.newBuilder()
                .setHeader(EventHeaders.create("claim-builder", null, claimId))
                .setClaimId(claimId).setKind(AcknowledgmentKind.CLAIM_277CA).setResult(AcknowledgmentResult.ACCEPTED)
                .setStatusCategory("A2").setPayerClaimControlNumber("PCN-1").setReceivedAt(ClaimScenarios.NOW).build());

        Claim accepted = claims.readValuesToList().get(0);
        assertEquals(ClaimState.ACCEPTED, accepted.getState());
        assertEquals("PCN-1", accepted.getPayerClaimControlNumber());
        KeyValueStore<String, Claim> store = driver.getKeyValueStore(ClaimStores.CLAIMS);
        assertEquals(ClaimState.ACCEPTED, store.get(claimId).getState());

        TestInputTopic<String, io.revcycle.events.PaymentPosted> payments = driver.createInputTopic(Topics.PAYMENTS.name(),
                new StringSerializer(), AvroSerdes.of(Topics.PAYMENTS, SERDE_CONFIG).serializer());
        payments.pipeInput(claimId, ClaimScenarios.payment(claimId, ClaimState.PAID, "104.47", "0.00"));
        Claim paid = claims.readValuesToList().get(0);
        assertEquals(ClaimState.PAID, paid.getState());
        assertEquals(new java.math.BigDecimal("104.47"), paid.getPaidAmount());
    }

    @Test
    void eachClaimOfABatchBecomesSubmittedWithItsOwnPositionFromOneSmallRecordPerClaim() {
        codeTwoOfficeVisitsOfDifferentPatients();

        SubmissionBatch batch = submissions.readValue();
        assertTrue(submissions.isEmpty(), "the interchange is published once on rcm.claims.submissions");
        Map<String, Claim> latest = latestByClaim(claims.readRecordsToList());
        for (int i = 0; i < batch.getClaimIds().size(); i++) {
            Claim claim = latest.get(batch.getClaimIds().get(i));
            assertEquals(ClaimState.SUBMITTED, claim.getState());
            assertEquals(String.format("%04d", i + 1), claim.getSubmission().getTransactionSetControlNumber());
            assertEquals(batch.getInterchangeControlNumber(), claim.getSubmission().getInterchangeControlNumber());
            assertEquals(batch.getBatchId(), claim.getSubmission().getBatchId());
        }
        TestOutputTopic<String, SubmissionBatch> perClaim = driver.createOutputTopic(
                "claim-topology-test-submitted-claims-repartition", new StringDeserializer(),
                AvroSerdes.of(Topics.CLAIM_SUBMISSIONS, SERDE_CONFIG).deserializer());
        List<TestRecord<String, SubmissionBatch>> records = perClaim.readRecordsToList();
        assertEquals(batch.getClaimIds(), records.stream().map(TestRecord::key).toList());
        records.forEach(r -> assertEquals(List.of(r.key()), r.value().getClaimIds()));
    }

    /** Two clean office visits for the same payer, of different patients so neither is a duplicate. */
    private void codeTwoOfficeVisitsOfDifferentPatients() {
        CodedEncounter visit = ClaimScenarios.officeVisitTwoLines();
        CodedEncounter other = ClaimScenarios.withEncounterId(
                CodedEncounter.newBuilder(visit).setEncounter(EncounterReceived.newBuilder(visit.getEncounter())
                        .setPatientId("MRN-1078").build()).build(), "ENC-OV-1078");
        coded.pipeInput(visit.getEncounterId(), visit);
        coded.pipeInput(other.getEncounterId(), other);
    }

    @Test
    void theInterchangeIndexListsTheClaimsOfEachInterchangeInTransactionSetOrderForIts999() {
        codeTwoOfficeVisitsOfDifferentPatients();

        SubmissionBatch batch = submissions.readValue();
        KeyValueStore<String, String> index = driver.getKeyValueStore(ClaimStores.INTERCHANGES);
        assertEquals(2, batch.getClaimIds().size());
        assertEquals(String.join(",", batch.getClaimIds()), index.get(batch.getInterchangeControlNumber()));
    }

    @Test
    void failedDeliveryLeavesItsClaimsReadyAndTriesTheBatchAgain() throws IOException {
        Files.delete(outbox);
        Files.writeString(outbox, "a file where the outbox directory should be");
        CodedEncounter visit = ClaimScenarios.officeVisitTwoLines();
        CodedEncounter other = ClaimScenarios.withEncounterId(
                CodedEncounter.newBuilder(visit).setEncounter(EncounterReceived.newBuilder(visit.getEncounter())
                        .setPatientId("MRN-1079").build()).build(), "ENC-OV-1079");
        coded.pipeInput(visit.getEncounterId(), visit);
        coded.pipeInput(other.getEncounterId(), other);

        assertEquals(SubmissionStatus.FAILED, submissions.readValue().getStatus());
        latestByClaim(claims.readRecordsToList()).values().forEach(c -> assertEquals(ClaimState.READY, c.getState()));

        Files.delete(outbox);
        Files.createDirectory(outbox);
        clock.advance(Duration.ofSeconds(30));
        driver.advanceWallClockTime(Duration.ofSeconds(30));
        SubmissionBatch retried = submissions.readValue();
        assertEquals(SubmissionStatus.SUBMITTED, retried.getStatus());
        assertEquals("000000002", retried.getInterchangeControlNumber());
        latestByClaim(claims.readRecordsToList()).values().forEach(c -> assertEquals(ClaimState.SUBMITTED, c.getState()));
    }

    @Test
    void lonelyClaimGoesOutOnceItsBatchHasWaitedTheTimeLimit() {
        CodedEncounter visit = ClaimScenarios.officeVisitTwoLines();
        coded.pipeInput(visit.getEncounterId(), visit);
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertTrue(submissions.isEmpty(), "a batch below the size limit waits");

        clock.advance(Duration.ofSeconds(30));
        driver.advanceWallClockTime(Duration.ofSeconds(30));

        List<SubmissionBatch> batches = submissions.readValuesToList();
        assertEquals(1, batches.size());
        assertEquals(1, batches.get(0).getClaimIds().size());
        driver.advanceWallClockTime(Duration.ofSeconds(60));
        assertTrue(submissions.isEmpty(), "a submitted claim is in exactly one interchange");
    }

    @Test
    void claimsAreBatchedPerPayerAndClaimTypeIntoSeparateInterchanges() throws Exception {
        CodedEncounter visit = ClaimScenarios.officeVisitTwoLines();
        CodedEncounter stay = ClaimScenarios.inpatientStay();
        CodedEncounter child = ClaimScenarios.dependentVisitWithModifier();
        coded.pipeInput(visit.getEncounterId(), visit);
        coded.pipeInput(stay.getEncounterId(), stay);
        coded.pipeInput(child.getEncounterId(), child);
        clock.advance(Duration.ofSeconds(30));
        driver.advanceWallClockTime(Duration.ofSeconds(30));

        List<SubmissionBatch> batches = submissions.readValuesToList();
        assertEquals(java.util.Set.of("MEDICARE/005010X222A1", "COMMERCIAL/005010X223A2", "COMMERCIAL/005010X222A1"),
                batches.stream().map(b -> b.getPayerId() + "/" + b.getImplementationGuide())
                        .collect(java.util.stream.Collectors.toSet()));
        assertEquals(3, batches.stream().map(SubmissionBatch::getInterchangeControlNumber).distinct().count());
        for (SubmissionBatch batch : batches) {
            assertEquals(1, batch.getClaimIds().size());
            byte[] x12 = Files.readAllBytes(outbox.resolve(batch.getFileName()));
            assertEquals(List.of(), new ClaimInterchangeValidator().validate(new X12Reader().read(x12)));
        }
    }

    /**
     * A restart restores the stores from their changelogs; the test driver wipes its state on close,
     * so the restore is played by hand: the second instance starts from the first one's store content.
     */
    @Test
    void controlNumbersContinueFromTheRestoredStoreAfterARestart() throws IOException {
        CodedEncounter visit = ClaimScenarios.officeVisitTwoLines();
        coded.pipeInput(visit.getEncounterId(), visit);
        clock.advance(Duration.ofSeconds(30));
        driver.advanceWallClockTime(Duration.ofSeconds(30));
        assertEquals("000000001", submissions.readValue().getInterchangeControlNumber());
        KeyValueStore<String, Long> numbers = driver.getKeyValueStore(ClaimStores.CONTROL_NUMBERS);
        Long last = numbers.get(SubmissionProcessor.LAST_CONTROL_NUMBER);
        driver.close();

        startDriver();
        driver.<String, Long>getKeyValueStore(ClaimStores.CONTROL_NUMBERS).put(SubmissionProcessor.LAST_CONTROL_NUMBER, last);
        CodedEncounter next = ClaimScenarios.withEncounterId(
                CodedEncounter.newBuilder(visit).setEncounter(EncounterReceived.newBuilder(visit.getEncounter())
                        .setPatientId("MRN-3003").build()).build(), "ENC-OV-3003");
        coded.pipeInput(next.getEncounterId(), next);
        clock.advance(Duration.ofSeconds(30));
        driver.advanceWallClockTime(Duration.ofSeconds(30));

        assertEquals("000000002", submissions.readValue().getInterchangeControlNumber());
    }

    @Test
    void unreadableRecordGoesToTheDeadLetterTopicWithProvenance() {
        TestInputTopic<String, byte[]> raw = driver.createInputTopic(Topics.ENCOUNTERS_CODED.name(),
                new StringSerializer(), new ByteArraySerializer());
        raw.pipeInput("ENC-X", "not avro".getBytes(StandardCharsets.UTF_8));

        TestOutputTopic<String, byte[]> dead = driver.createOutputTopic(Topics.CLAIMS_DEAD_LETTERS.name(),
                new StringDeserializer(), Serdes.ByteArray().deserializer());
        TestRecord<String, byte[]> record = dead.readRecord();
        assertEquals("not avro", new String(record.value(), StandardCharsets.UTF_8));
        Header source = record.headers().lastHeader(Topics.DeadLetterHeaders.SOURCE_TOPIC);
        assertEquals(Topics.ENCOUNTERS_CODED.name(), new String(source.value(), StandardCharsets.UTF_8));
        assertEquals("0", new String(record.headers().lastHeader(Topics.DeadLetterHeaders.SOURCE_OFFSET).value(),
                StandardCharsets.UTF_8));
        assertTrue(claims.isEmpty());
    }

    private static Map<String, Claim> latestByClaim(List<TestRecord<String, Claim>> records) {
        Map<String, Claim> latest = new java.util.HashMap<>();
        records.forEach(r -> latest.put(r.key(), r.value()));
        return latest;
    }
}
