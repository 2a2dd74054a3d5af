package io.revcycle.coding.topology;

import io.revcycle.coding.queries.AnsweredQuery;
import io.revcycle.events.CodingQuery;
import io.revcycle.events.EncounterReceived;

import java.util.List;

/**
 * What the coding stage remembers per encounter id: while a version waits for a provider, the
 * encounter, its open query and the queries already answered. Once such an encounter is coded only
 * its version is kept, so a late older version or answer is recognised. An encounter coded cleanly
 * the first time leaves no state.
 */
public record CodingState(int version, EncounterReceived encounter, CodingQuery openQuery, List<AnsweredQuery> answered) {

    public CodingState {
        answered = List.copyOf(answered);
    }

    public static CodingState coded(int version) {
        return new CodingState(version, null, null, List.of());
    }

    public static CodingState waiting(EncounterReceived encounter, CodingQuery query, List<AnsweredQuery> answered) {
        return new CodingState(encounter.getEncounterVersion(), encounter, query, answered);
    }

    public boolean waiting() {
        return openQuery != null;
    }
}
