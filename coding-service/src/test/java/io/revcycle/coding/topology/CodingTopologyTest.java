package io.revcycle.coding.topology;

import io.revcycle.coding.cac.CodeSuggester;
import io.revcycle.coding.codesets.CodeSets;
import io.revcycle.coding.codesets.StarterCodeSets;
import io.revcycle.coding.edits.CoveragePolicyTable;
import io.revcycle.coding.edits.EditPipeline;
import io.revcycle.coding.queries.CodingSettings;
import io.revcycle.coding.queries.EncounterCoder;
import io.revcycle.events.Code;
import io.revcycle.events.CodeSource;
import io.revcycle.events.CodeSystem;
import io.revcycle.events.CodedEncounter;
import io.revcycle.events.CodingAnswer;
import io.revcycle.events.CodingQuery;
import io.revcycle.events.EncounterReceived;
import io.revcycle.events.QueryReason;
import io.revcycle.events.QueryStatus;
import io.revcycle.schemas.EventHeaders;
import io.revcycle.schemas.Topics;
import io.revcycle.schemas.serde.InMemorySchemaRegistryClient;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static io.revcycle.coding.Encounters.encounter;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodingTopologyTest {

    private static final String REGISTRY_SCOPE = "coding-topology-test";
    private static CodeSets codeSets;
    private static CodeSuggester suggester;

    private TopologyTestDriver driver;
    private TestInputTopic<String, EncounterReceived> encounters;
    private TestInputTopic<String, byte[]> rawEncounters;
    private TestInputTopic<String, CodingAnswer> answers;
    private TestOutputTopic<String, CodedEncounter> coded;
    private TestOutputTopic<String, CodingQuery> queries;
    private TestOutputTopic<String, byte[]> deadLetters;

    @BeforeAll
    static void loadCodeSets() {
        codeSets = StarterCodeSets.load();
        suggester = CodeSuggester.index(codeSets);
    }

    @TempDir
    Path stateDir;

    @BeforeEach
    void startDriver() {
        CodingSerdes serdes = CodingSerdes.of(Map.of("schema.registry.url", "mock://" + REGISTRY_SCOPE,
                "specific.avro.reader", true));
        EncounterCoder coder = new EncounterCoder(codeSets, EditPipeline.standard(codeSets, new CoveragePolicyTable(List.of())),
                () -> suggester, CodingSettings.DEFAULT, Clock.systemUTC());
        StreamsBuilder builder = new StreamsBuilder();
        new CodingTopology(coder, serdes, CodingMetrics.NONE).build(builder);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "coding-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), props);
        encounters = driver.createInputTopic(Topics.ENCOUNTERS.name(), Serdes.String().serializer(), serdes.encounters().serializer());
        rawEncounters = driver.createInputTopic(Topics.ENCOUNTERS.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        answers = driver.createInputTopic(Topics.CODING_ANSWERS.name(), Serdes.String().serializer(), serdes.answers().serializer());
        coded = driver.createOutputTopic(Topics.ENCOUNTERS_CODED.name(), Serdes.String().deserializer(), serdes.coded().deserializer());
        queries = driver.createOutputTopic(Topics.CODING_QUERIES.name(), Serdes.String().deserializer(), serdes.queries().deserializer());
        deadLetters = driver.createOutputTopic(Topics.CODING_DEAD_LETTERS.name(), Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
        InMemorySchemaRegistryClient.dropScope(REGISTRY_SCOPE);
    }

    @Test
    void cleanEncounterIsCodedAndNothingWaits() {
        send(encounter("ENC-1").dx("I10").service("99213", 1).build());
        CodedEncounter out = coded.readValue();
        assertEquals("ENC-1", out.getEncounterId());
        assertEquals("I10", out.getDiagnoses().get(0).getCode().getValue());
        assertTrue(queries.isEmpty());
        assertNull(state("ENC-1"), "a clean encounter leaves no state behind");
    }

    @Test
    void conflictingEncounterRaisesAnOpenQueryAndWaits() {
        send(encounter("ENC-2").patient(io.revcycle.events.AdministrativeSex.MALE, java.time.LocalDate.of(1980, 1, 1))
                .dx("O09.511").service("99213").build());
        CodingQuery query = queries.readValue();
        assertEquals(QueryStatus.OPEN, query.getStatus());
        assertEquals(QueryReason.EDIT_CONFLICT, query.getReason());
        assertTrue(coded.isEmpty());
        assertEquals(query.getQueryId(), state("ENC-2").openQuery().getQueryId());
    }

    @Test
    void answerJoinsBackAndCodesTheEncounter() {
        send(encounter("ENC-3").dxText("CHF").service("99214").build());
        CodingQuery open = queries.readValue();
        answers.pipeInput("ENC-3", answer(open, "I50.22"));
        List<CodingQuery> after = queries.readValuesToList();
        assertEquals(1, after.size());
        assertEquals(QueryStatus.ANSWERED, after.get(0).getStatus());
        assertEquals(open.getQueryId(), after.get(0).getQueryId());
        CodedEncounter out = coded.readValue();
        assertEquals(1, state("ENC-3").version(), "only the version is kept once coded");
        assertTrue(!state("ENC-3").waiting());
        assertEquals("I5022", out.getDiagnoses().get(0).getCode().getValue());
        assertEquals(CodeSource.CODER_ANSWER, out.getDiagnoses().get(0).getSource());
        assertEquals(List.of(open.getQueryId()), out.getQueryIds());
    }

    @Test
    void amendedVersionSupersedesTheOpenQueryAndALateAnswerIsIgnored() {
        send(encounter("ENC-4").dxText("CHF").service("99214").build());
        CodingQuery open = queries.readValue();
        send(encounter("ENC-4").version(2).dx("I50.32").service("99214", 1).build());
        CodingQuery superseded = queries.readValue();
        assertEquals(QueryStatus.SUPERSEDED, superseded.getStatus());
        assertEquals(open.getQueryId(), superseded.getQueryId());
        CodedEncounter out = coded.readValue();
        assertEquals(2, out.getEncounterVersion());
        answers.pipeInput("ENC-4", answer(open, "I50.22"));
        assertTrue(coded.isEmpty(), "an answer to a superseded query codes nothing");
        assertTrue(queries.isEmpty());
        send(encounter("ENC-4").version(1).dx("I10").service("99213").build());
        assertTrue(coded.isEmpty(), "an older version arriving late is ignored");
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicWithProvenanceAndCodingGoesOn() {
        byte[] poison = "{not avro}".getBytes(StandardCharsets.UTF_8);
        rawEncounters.pipeInput("ENC-BAD", poison);
        send(encounter("ENC-5").dx("I10").service("99213").build());
        TestRecord<String, byte[]> dead = deadLetters.readRecord();
        assertArrayEquals(poison, dead.value());
        assertEquals(Topics.ENCOUNTERS.name(), header(dead, Topics.DeadLetterHeaders.SOURCE_TOPIC));
        assertEquals("0", header(dead, Topics.DeadLetterHeaders.SOURCE_OFFSET));
        assertEquals("0", header(dead, Topics.DeadLetterHeaders.SOURCE_PARTITION));
        assertTrue(header(dead, Topics.DeadLetterHeaders.ERROR).length() > 0);
        assertEquals("coding-service", header(dead, Topics.DeadLetterHeaders.SERVICE));
        assertEquals("ENC-5", coded.readValue().getEncounterId(), "the next record is coded");
        assertNull(state("ENC-BAD"));
    }

    private void send(EncounterReceived e) {
        encounters.pipeInput(e.getEncounterId(), e);
    }

    private CodingState state(String id) {
        KeyValueStore<String, CodingState> store = driver.getKeyValueStore(CodingTopology.STATE_STORE);
        return store.get(id);
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static CodingAnswer answer(CodingQuery query, String icd) {
        return CodingAnswer.newBuilder()
                .setHeader(EventHeaders.create("coding-service", query.getEncounterId(), null))
                .setQueryId(query.getQueryId())
                .setEncounterId(query.getEncounterId())
                .setEncounterVersion(query.getEncounterVersion())
                .setAnsweredBy("coder-7")
                .setChosenCodes(List.of(Code.newBuilder().setSystem(CodeSystem.ICD10CM).setValue(icd).build()))
                .setAnsweredAt(Instant.now())
                .build();
    }

}
