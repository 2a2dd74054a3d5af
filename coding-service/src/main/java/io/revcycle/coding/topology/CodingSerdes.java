package io.revcycle.coding.topology;

import io.revcycle.events.CodedEncounter;
import io.revcycle.events.CodingAnswer;
import io.revcycle.events.CodingQuery;
import io.revcycle.events.EncounterReceived;
import io.revcycle.schemas.Topics;
import io.revcycle.schemas.serde.AvroSerdes;
import org.apache.kafka.common.serialization.Serde;

import java.util.Map;

/** The value serdes of the topics the coding stage reads and writes. */
public record CodingSerdes(Serde<EncounterReceived> encounters, Serde<CodingAnswer> answers,
                           Serde<CodedEncounter> coded, Serde<CodingQuery> queries) {

    /** Registry-backed serdes (Confluent wire format); {@code schema.registry.url} is required. */
    public static CodingSerdes of(Map<String, ?> config) {
        return new CodingSerdes(AvroSerdes.of(Topics.ENCOUNTERS, config), AvroSerdes.of(Topics.CODING_ANSWERS, config),
                AvroSerdes.of(Topics.ENCOUNTERS_CODED, config), AvroSerdes.of(Topics.CODING_QUERIES, config));
    }
}
