package io.revcycle.coding.queries;

import io.revcycle.coding.edits.EditFinding;
import io.revcycle.events.CodedEncounter;
import io.revcycle.events.CodingQuery;

import java.util.List;

/** What coding an encounter ends in: a coded encounter, or a query a person must answer first. */
public sealed interface CodingOutcome {

    /** Every finding of the edits, blocking or not. */
    List<EditFinding> findings();

    /** The encounter is coded cleanly (warnings kept on the record). */
    record Coded(CodedEncounter encounter, List<EditFinding> findings) implements CodingOutcome {
    }

    /** The encounter waits for the answer to this query. */
    record Query(CodingQuery query, List<EditFinding> findings) implements CodingOutcome {
    }
}
