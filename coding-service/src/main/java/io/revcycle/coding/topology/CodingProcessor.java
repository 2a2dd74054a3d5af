package io.revcycle.coding.topology;

import io.revcycle.coding.queries.AnsweredQuery;
import io.revcycle.coding.queries.CodingOutcome;
import io.revcycle.coding.queries.EncounterCoder;
import io.revcycle.events.CodingAnswer;
import io.revcycle.events.CodingQuery;
import io.revcycle.events.EncounterReceived;
import io.revcycle.events.QueryStatus;
import io.revcycle.schemas.EventHeaders;
import io.revcycle.schemas.Topics;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The coding stage for one partition: reads encounters and answers (as raw bytes, so that a record it
 * cannot read is dead-lettered instead of stopping the stream), keeps each waiting encounter in the
 * state store, and emits coded encounters, queries (open, answered, superseded) and dead letters.
 * A record that breaks the coder is dead-lettered too, so one bad encounter cannot stop coding.
 */
final class CodingProcessor implements Processor<String, byte[], String, CodingOutput> {

    private static final Logger LOG = LoggerFactory.getLogger(CodingProcessor.class);

    private final EncounterCoder coder;
    private final CodingSerdes serdes;
    private final CodingMetrics metrics;
    private ProcessorContext<String, CodingOutput> context;
    private KeyValueStore<String, CodingState> store;

    CodingProcessor(EncounterCoder coder, CodingSerdes serdes, CodingMetrics metrics) {
        this.coder = coder;
        this.serdes = serdes;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, CodingOutput> context) {
        this.context = context;
        this.store = context.getStateStore(CodingTopology.STATE_STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("");
        try {
            if (topic.equals(Topics.CODING_ANSWERS.name())) {
                CodingAnswer answer = serdes.answers().deserializer().deserialize(topic, record.headers(), record.value());
                if (answer == null) {
                    throw new IllegalArgumentException("empty answer record");
                }
                onAnswer(record, answer);
            } else {
                EncounterReceived encounter = serdes.encounters().deserializer().deserialize(topic, record.headers(), record.value());
                if (encounter == null) {
                    throw new IllegalArgumentException("empty encounter record");
                }
                onEncounter(record, encounter);
            }
        } catch (StreamsException e) {
            // the store or the runtime failed, not the record: let the stream thread fail and recover
            throw e;
        } catch (RuntimeException e) {
            deadLetter(record, topic, e);
        }
    }

    private void onEncounter(Record<String, byte[]> record, EncounterReceived encounter) {
        String id = encounter.getEncounterId();
        CodingState state = store.get(id);
        if (state != null && encounter.getEncounterVersion() <= state.version()) {
            metrics.ignored("older-encounter-version");
            return;
        }
        if (state != null && state.waiting()) {
            emit(record, id, CodingOutput.of(withStatus(state.openQuery(), QueryStatus.SUPERSEDED)));
        }
        decide(record, state, encounter, List.of());
    }

    private void onAnswer(Record<String, byte[]> record, CodingAnswer answer) {
        String id = answer.getEncounterId();
        CodingState state = store.get(id);
        if (state == null || !state.waiting() || !state.openQuery().getQueryId().equals(answer.getQueryId())) {
            LOG.info("answer to query {} ignored: the query is not open", answer.getQueryId());
            metrics.ignored("answer-to-closed-query");
            return;
        }
        emit(record, id, CodingOutput.of(withStatus(state.openQuery(), QueryStatus.ANSWERED)));
        List<AnsweredQuery> answered = new ArrayList<>(state.answered());
        answered.add(new AnsweredQuery(state.openQuery(), answer));
        decide(record, state, state.encounter(), answered);
    }

    private void decide(Record<String, byte[]> record, CodingState state, EncounterReceived encounter,
                        List<AnsweredQuery> answered) {
        String id = encounter.getEncounterId();
        long start = System.nanoTime();
        CodingOutcome outcome = coder.code(encounter, answered);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        metrics.editsFired(outcome.findings());
        if (outcome instanceof CodingOutcome.Coded coded) {
            if (state != null) {
                // an encounter that went through a query keeps its version, so a late older version or answer is
                // recognised; a first-time clean encounter leaves no state (no changelog write on the common path)
                store.put(id, CodingState.coded(encounter.getEncounterVersion()));
            }
            emit(record, id, CodingOutput.of(coded.encounter()));
            metrics.coded(coded.encounter(), took);
        } else if (outcome instanceof CodingOutcome.Query query) {
            store.put(id, CodingState.waiting(encounter, query.query(), answered));
            emit(record, id, CodingOutput.of(query.query()));
            metrics.queried(query.query(), took);
        }
    }

    private static CodingQuery withStatus(CodingQuery query, QueryStatus status) {
        return CodingQuery.newBuilder(query)
                .setHeader(EventHeaders.following(query.getHeader(), EncounterCoder.PRODUCER, null))
                .setStatus(status)
                .build();
    }

    private void emit(Record<String, byte[]> record, String key, CodingOutput output) {
        context.forward(new Record<>(key, output, record.timestamp(), new RecordHeaders()));
    }

    /** The raw record with headers naming where it came from and why it could not be used. */
    private void deadLetter(Record<String, byte[]> record, String topic, RuntimeException error) {
        Optional<RecordMetadata> source = context.recordMetadata();
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(Topics.DeadLetterHeaders.SOURCE_TOPIC, bytes(topic));
        headers.add(Topics.DeadLetterHeaders.SOURCE_PARTITION, bytes(String.valueOf(source.map(RecordMetadata::partition).orElse(-1))));
        headers.add(Topics.DeadLetterHeaders.SOURCE_OFFSET, bytes(String.valueOf(source.map(RecordMetadata::offset).orElse(-1L))));
        headers.add(Topics.DeadLetterHeaders.ERROR, bytes(error.getClass().getName() + ": " + error.getMessage()));
        headers.add(Topics.DeadLetterHeaders.SERVICE, bytes(EncounterCoder.PRODUCER));
        LOG.warn("record {}-{}@{} dead-lettered: {}", topic, source.map(RecordMetadata::partition).orElse(-1),
                source.map(RecordMetadata::offset).orElse(-1L), error.getClass().getSimpleName());
        metrics.deadLettered(topic);
        context.forward(new Record<>(record.key(), CodingOutput.deadLetter(record.value()), record.timestamp(), headers));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
