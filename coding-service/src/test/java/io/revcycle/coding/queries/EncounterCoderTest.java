package io.revcycle.coding.queries;

import io.revcycle.coding.cac.CodeSuggester;
import io.revcycle.coding.codesets.CodeSets;
import io.revcycle.coding.codesets.StarterCodeSets;
import io.revcycle.coding.edits.CoveragePolicy;
import io.revcycle.coding.edits.CoveragePolicyTable;
import io.revcycle.coding.edits.EditPipeline;
import io.revcycle.events.Code;
import io.revcycle.events.CodeSource;
import io.revcycle.events.CodeSystem;
import io.revcycle.events.CodedEncounter;
import io.revcycle.events.CodingAnswer;
import io.revcycle.events.CodingQuery;
import io.revcycle.events.EncounterReceived;
import io.revcycle.events.QueryReason;
import io.revcycle.events.QueryStatus;
import io.revcycle.events.Severity;
import io.revcycle.schemas.EventHeaders;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.revcycle.coding.Encounters.encounter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EncounterCoderTest {

    private static final CodeSets CODE_SETS = StarterCodeSets.load();
    private static final CodeSuggester SUGGESTER = CodeSuggester.index(CODE_SETS);
    private final EncounterCoder coder = new EncounterCoder(CODE_SETS,
            EditPipeline.standard(CODE_SETS, new CoveragePolicyTable(List.of(
                    new CoveragePolicy("93000", "STARTER-ECG", List.of("I10", "R07", "I48"))))),
            () -> SUGGESTER, CodingSettings.DEFAULT, Clock.fixed(Instant.parse("2025-06-03T08:00:00Z"), ZoneOffset.UTC));

    @Test
    void cleanEncounterIsCodedWithPointersAndNoCptDescriptor() {
        EncounterReceived e = encounter("E-1").dx("I10", "E11.9").service("99213", 1, 2).service("93000", 1).build();
        CodedEncounter coded = assertInstanceOf(CodingOutcome.Coded.class, coder.code(e, List.of())).encounter();
        assertEquals("E119", coded.getDiagnoses().get(1).getCode().getValue());
        assertEquals("Essential (primary) hypertension", coded.getDiagnoses().get(0).getCode().getDisplay());
        assertEquals(CodeSource.DOCUMENTED, coded.getDiagnoses().get(0).getSource());
        assertEquals(List.of(2, 1), coded.getServiceLines().get(0).getDiagnosisPointers(), "most specific first");
        assertNull(coded.getServiceLines().get(0).getCode().getDisplay(), "CPT descriptors are never shipped");
        assertFalse(coded.getAutoCoded());
        assertEquals("ICD10CM:starter,ICD10PCS:starter,CPT:starter,HCPCS:starter", coded.getCodeSetVersion());
    }

    @Test
    void confidentTextIsAutoCodedAndSaysSo() {
        EncounterReceived e = encounter("E-2").dxText("HTN").service("99213").build();
        CodedEncounter coded = assertInstanceOf(CodingOutcome.Coded.class, coder.code(e, List.of())).encounter();
        assertEquals("I10", coded.getDiagnoses().get(0).getCode().getValue());
        assertEquals(CodeSource.COMPUTER_ASSISTED, coded.getDiagnoses().get(0).getSource());
        assertTrue(coded.getDiagnoses().get(0).getConfidence() >= 0.8);
        assertTrue(coded.getAutoCoded());
    }

    @Test
    void vagueTextRaisesAQueryWithOptions() {
        EncounterReceived e = encounter("E-3").dxText("CHF").service("99214").build();
        CodingQuery query = assertInstanceOf(CodingOutcome.Query.class, coder.code(e, List.of())).query();
        assertEquals(QueryReason.LOW_CONFIDENCE_TEXT, query.getReason());
        assertEquals(QueryStatus.OPEN, query.getStatus());
        assertEquals(1, query.getDiagnosisSequence());
        assertEquals("E-3-v1-q1", query.getQueryId());
        assertEquals("1245319599", query.getProviderNpi());
        assertTrue(query.getOptions().stream().anyMatch(o -> o.getCode().getValue().startsWith("I50")));
    }

    @Test
    void blockingEditRaisesAQueryNamingTheFinding() {
        EncounterReceived e = encounter("E-4").dx("J06.9").service("93000", 1).build();
        CodingOutcome.Query outcome = assertInstanceOf(CodingOutcome.Query.class, coder.code(e, List.of()));
        assertEquals(QueryReason.MEDICAL_NECESSITY, outcome.query().getReason());
        assertEquals(1, outcome.query().getLineNumber());
        assertTrue(outcome.query().getFindings().stream().anyMatch(f -> f.getRule().equals("MEDICAL_NECESSITY")));
    }

    @Test
    void badInputBecomesQueriesNeverExceptions() {
        assertInstanceOf(CodingOutcome.Query.class, coder.code(encounter("E-5").dx("not a code").service("99213").build(), List.of()));
        assertInstanceOf(CodingOutcome.Query.class, coder.code(encounter("E-6").service("99213").build(), List.of()));
        assertInstanceOf(CodingOutcome.Query.class, coder.code(encounter("E-7").dx("I10").service("99213", 0, List.of()).build(), List.of()));
        assertInstanceOf(CodingOutcome.Query.class, coder.code(encounter("E-8").dx("E11").service("99213").build(), List.of()));
    }

    @Test
    void unspecifiedCodeWhereTextSaysMoreIsQueried() {
        EncounterReceived e = encounter("E-9").dxWithText("I50.9", "chronic diastolic congestive heart failure").service("99214").build();
        CodingQuery query = assertInstanceOf(CodingOutcome.Query.class, coder.code(e, List.of())).query();
        assertEquals(QueryReason.UNSPECIFIED_CODE, query.getReason());
        assertEquals("I5032", query.getOptions().get(0).getCode().getValue());
    }

    @Test
    void answerChoosingACodeCodesTheEncounterWithIt() {
        EncounterReceived e = encounter("E-10").dxText("CHF").service("99214").build();
        CodingQuery query = ((CodingOutcome.Query) coder.code(e, List.of())).query();
        CodingAnswer answer = answer(query, List.of(Code.newBuilder().setSystem(CodeSystem.ICD10CM).setValue("I50.22").build()));
        CodedEncounter coded = assertInstanceOf(CodingOutcome.Coded.class,
                coder.code(e, List.of(new AnsweredQuery(query, answer)))).encounter();
        assertEquals("I5022", coded.getDiagnoses().get(0).getCode().getValue());
        assertEquals(CodeSource.CODER_ANSWER, coded.getDiagnoses().get(0).getSource());
        assertEquals(List.of("E-10-v1-q1"), coded.getQueryIds());
    }

    @Test
    void answerWithoutCodesAcceptsTheFindingAsAWarning() {
        EncounterReceived e = encounter("E-11").dx("R07.9").service("97530").service("97110").build();
        CodingQuery query = ((CodingOutcome.Query) coder.code(e, List.of())).query();
        assertEquals(QueryReason.EDIT_CONFLICT, query.getReason());
        CodedEncounter coded = assertInstanceOf(CodingOutcome.Coded.class,
                coder.code(e, List.of(new AnsweredQuery(query, answer(query, List.of()))))).encounter();
        assertTrue(coded.getEdits().stream().anyMatch(f -> f.getRule().equals("NCCI_PTP") && f.getSeverity() == Severity.WARNING));
    }

    @Test
    void answerToMedicalNecessityAddsTheSupportingDiagnosisToTheLine() {
        EncounterReceived e = encounter("E-12").dx("J06.9").service("93000", 1).build();
        CodingQuery query = ((CodingOutcome.Query) coder.code(e, List.of())).query();
        CodingAnswer answer = answer(query, List.of(Code.newBuilder().setSystem(CodeSystem.ICD10CM).setValue("R07.9").build()));
        CodedEncounter coded = assertInstanceOf(CodingOutcome.Coded.class,
                coder.code(e, List.of(new AnsweredQuery(query, answer)))).encounter();
        assertEquals(List.of(2, 1), coded.getServiceLines().get(0).getDiagnosisPointers());
        assertEquals("R079", coded.getDiagnoses().get(1).getCode().getValue());
    }

    static CodingAnswer answer(CodingQuery query, List<Code> codes) {
        return CodingAnswer.newBuilder()
                .setHeader(EventHeaders.create("coding-service", query.getEncounterId(), null))
                .setQueryId(query.getQueryId())
                .setEncounterId(query.getEncounterId())
                .setEncounterVersion(query.getEncounterVersion())
                .setAnsweredBy("coder-7")
                .setChosenCodes(codes)
                .setAnsweredAt(Instant.parse("2025-06-03T09:00:00Z"))
                .build();
    }
}
