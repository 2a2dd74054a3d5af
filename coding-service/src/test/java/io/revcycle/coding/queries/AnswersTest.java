package io.revcycle.coding.queries;

import io.revcycle.events.CodeSystem;
import io.revcycle.events.CodingQuery;
import io.revcycle.events.QueryReason;
import io.revcycle.schemas.EventHeaders;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AnswersTest {

    private static final Instant NOW = Instant.parse("2025-06-04T12:00:00Z");

    @Test
    void codesWithoutSystemTakeTheSystemOfWhatTheQueryIsAbout() {
        CodingQuery aboutLine = query("Q-1", QueryReason.LOW_CONFIDENCE_TEXT, 2, null, NOW);
        var lineAnswer = Answers.answer(aboutLine, "coder-7", List.of(new Answers.Choice(null, "J1100"),
                new Answers.Choice(null, "20610")), null, NOW).answer();
        assertEquals(CodeSystem.HCPCS, lineAnswer.getChosenCodes().get(0).getSystem());
        assertEquals(CodeSystem.CPT, lineAnswer.getChosenCodes().get(1).getSystem());
        CodingQuery aboutDiagnosis = query("Q-2", QueryReason.LOW_CONFIDENCE_TEXT, null, 1, NOW);
        var dxAnswer = Answers.answer(aboutDiagnosis, "coder-7", List.of(new Answers.Choice(null, "i50.22")), "per echo", NOW).answer();
        assertEquals(CodeSystem.ICD10CM, dxAnswer.getChosenCodes().get(0).getSystem());
        assertEquals("I5022", dxAnswer.getChosenCodes().get(0).getValue());
        assertEquals("per echo", dxAnswer.getClarification());
    }

    @Test
    void unusableCodesAreNamedAndNoAnswerIsMade() {
        CodingQuery q = query("Q-3", QueryReason.MEDICAL_NECESSITY, 1, null, NOW);
        Answers.Result result = Answers.answer(q, "coder-7", List.of(new Answers.Choice(null, "R07.*"),
                new Answers.Choice("SNOMED", "29857009")), null, NOW);
        assertNull(result.answer());
        assertEquals(2, result.problems().size());
        assertEquals("codes[0].code: 'R07.*' is not a ICD10CM code", result.problems().get(0));
    }

    @Test
    void openQueriesFilterByReasonProviderAndAgeOldestFirst() {
        CodingQuery old = query("Q-old", QueryReason.EDIT_CONFLICT, 1, null, NOW.minus(Duration.ofHours(30)));
        CodingQuery fresh = query("Q-new", QueryReason.EDIT_CONFLICT, 1, null, NOW.minus(Duration.ofHours(1)));
        CodingQuery other = query("Q-other", QueryReason.MISSING_DIAGNOSIS, null, null, NOW.minus(Duration.ofHours(48)));
        assertEquals(List.of("Q-old"), ids(OpenQueries.filter(Stream.of(fresh, old, other), QueryReason.EDIT_CONFLICT, "1245319599",
                Duration.ofHours(24), NOW)));
        assertEquals(List.of("Q-other", "Q-old", "Q-new"), ids(OpenQueries.filter(Stream.of(fresh, old, other), null, null, null, NOW)));
        assertEquals(Duration.ofHours(48), OpenQueries.oldestAge(Stream.of(fresh, old, other), NOW).orElseThrow());
    }

    private static List<String> ids(List<CodingQuery> queries) {
        return queries.stream().map(CodingQuery::getQueryId).toList();
    }

    private static CodingQuery query(String id, QueryReason reason, Integer line, Integer dx, Instant raised) {
        return CodingQuery.newBuilder().setHeader(EventHeaders.create("coding-service", "E-1", null)).setQueryId(id)
                .setEncounterId("E-1").setEncounterVersion(1).setReason(reason).setQuestion("?").setProviderNpi("1245319599")
                .setLineNumber(line).setDiagnosisSequence(dx).setRaisedAt(raised).build();
    }
}
