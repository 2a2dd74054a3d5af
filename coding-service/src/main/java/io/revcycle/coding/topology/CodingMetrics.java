package io.revcycle.coding.topology;

import io.revcycle.coding.edits.EditFinding;
import io.revcycle.events.CodedEncounter;
import io.revcycle.events.CodingQuery;

import java.time.Duration;
import java.util.List;

/** What the coding stage reports as it works; implemented over Micrometer by the service. */
public interface CodingMetrics {

    /** Does nothing: for tests and benchmarks. */
    CodingMetrics NONE = new CodingMetrics() {
    };

    /** An encounter version was coded; {@code took} is the time the coder spent on it. */
    default void coded(CodedEncounter encounter, Duration took) {
    }

    /** A query was raised; {@code took} is the time the coder spent deciding. */
    default void queried(CodingQuery query, Duration took) {
    }

    /** Edits that fired while coding (any severity). */
    default void editsFired(List<EditFinding> findings) {
    }

    /** A record went to the dead-letter topic. */
    default void deadLettered(String sourceTopic) {
    }

    /** An input was dropped on purpose (an older version, an answer to a closed query). */
    default void ignored(String why) {
    }
}
