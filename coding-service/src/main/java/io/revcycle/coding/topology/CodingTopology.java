package io.revcycle.coding.topology;

import io.revcycle.coding.queries.EncounterCoder;
import io.revcycle.schemas.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

import java.util.Map;

/**
 * rcm.encounters + rcm.coding.answers → coding processor (state: encounters waiting for an answer)
 * → rcm.encounters.coded | rcm.coding.queries | rcm.coding.dlq.
 *
 * <p>Encounters and answers are keyed by encounter id and co-partitioned, so one task sees an
 * encounter, its queries and their answers.
 */
public final class CodingTopology {

    /** Encounters waiting for an answer, and the latest version coded, by encounter id. */
    public static final String STATE_STORE = "coding-state";

    private final EncounterCoder coder;
    private final CodingSerdes serdes;
    private final CodingMetrics metrics;

    public CodingTopology(EncounterCoder coder, CodingSerdes serdes, CodingMetrics metrics) {
        this.coder = coder;
        this.serdes = serdes;
        this.metrics = metrics;
    }

    /** Adds the coding stage to the builder; returns the stream of outputs before it is split. */
    public KStream<String, ?> build(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STATE_STORE),
                Serdes.String(), new CodingStateSerde()));
        KStream<String, byte[]> encounters = builder.stream(Topics.ENCOUNTERS.name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("encounters"));
        KStream<String, byte[]> answers = builder.stream(Topics.CODING_ANSWERS.name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("coding-answers"));
        KStream<String, CodingOutput> outputs = encounters
                .merge(answers, Named.as("encounters-and-answers"))
                .process(() -> new CodingProcessor(coder, serdes, metrics), Named.as("coder"), STATE_STORE);
        Map<String, KStream<String, CodingOutput>> branches = outputs.split(Named.as("out-"))
                .branch((id, out) -> out.coded() != null, Branched.as("coded"))
                .branch((id, out) -> out.query() != null, Branched.as("query"))
                .defaultBranch(Branched.as("dead-letter"));
        branches.get("out-coded").mapValues(CodingOutput::coded, Named.as("coded-encounter"))
                .to(Topics.ENCOUNTERS_CODED.name(), Produced.with(Serdes.String(), serdes.coded()).withName("to-coded"));
        branches.get("out-query").mapValues(CodingOutput::query, Named.as("coding-query"))
                .to(Topics.CODING_QUERIES.name(), Produced.with(Serdes.String(), serdes.queries()).withName("to-queries"));
        branches.get("out-dead-letter").mapValues(CodingOutput::deadLetter, Named.as("dead-letter"))
                .to(Topics.CODING_DEAD_LETTERS.name(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("to-dlq"));
        return outputs;
    }
}
