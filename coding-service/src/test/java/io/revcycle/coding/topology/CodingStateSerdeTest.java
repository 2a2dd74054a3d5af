package io.revcycle.coding.topology;

import io.revcycle.coding.Encounters;
import io.revcycle.coding.cac.CodeSuggester;
import io.revcycle.coding.codesets.CodeSets;
import io.revcycle.coding.codesets.StarterCodeSets;
import io.revcycle.coding.edits.CoveragePolicyTable;
import io.revcycle.coding.edits.EditPipeline;
import io.revcycle.coding.queries.AnsweredQuery;
import io.revcycle.coding.queries.CodingOutcome;
import io.revcycle.coding.queries.CodingSettings;
import io.revcycle.coding.queries.EncounterCoder;
import io.revcycle.events.CodingAnswer;
import io.revcycle.events.CodingQuery;
import io.revcycle.events.EncounterReceived;
import io.revcycle.schemas.EventHeaders;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CodingStateSerdeTest {

    private final CodingStateSerde serde = new CodingStateSerde();

    @Test
    void waitingEncounterWithAnsweredQueriesSurvivesTheRoundTrip() {
        CodeSets sets = StarterCodeSets.load();
        EncounterCoder coder = new EncounterCoder(sets, EditPipeline.standard(sets, new CoveragePolicyTable(List.of())),
                () -> CodeSuggester.index(sets), CodingSettings.DEFAULT, Clock.systemUTC());
        EncounterReceived encounter = Encounters.encounter("S-1").dxText("CHF").service("99214").build();
        CodingQuery query = ((CodingOutcome.Query) coder.code(encounter, List.of())).query();
        CodingAnswer answer = CodingAnswer.newBuilder().setHeader(EventHeaders.create("coding-service", "S-1", null))
                .setQueryId(query.getQueryId()).setEncounterId("S-1").setEncounterVersion(1).setAnsweredBy("coder-7")
                .setAnsweredAt(Instant.parse("2025-06-03T09:00:00Z")).build();
        CodingState state = CodingState.waiting(encounter, query, List.of(new AnsweredQuery(query, answer)));
        CodingState back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", state));
        assertEquals(state, back);
        assertEquals(CodingState.coded(3), serde.deserializer().deserialize("t", serde.serializer().serialize("t", CodingState.coded(3))));
    }

    @Test
    void unknownFormatFailsLoudly() {
        assertThrows(SerializationException.class, () -> serde.deserializer().deserialize("t", new byte[] {9, 0, 0, 0, 1}));
    }
}
