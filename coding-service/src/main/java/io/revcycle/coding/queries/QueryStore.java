package io.revcycle.coding.queries;

import io.micronaut.configuration.kafka.streams.InteractiveQueryService;
import io.revcycle.coding.topology.CodingState;
import io.revcycle.coding.topology.CodingTopology;
import io.revcycle.events.CodingQuery;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Open queries read from the coding stage's state store (interactive query). The store holds every
 * encounter waiting for an answer, so listing is a scan; the open backlog is small by design.
 */
@Singleton
public class QueryStore {

    private final InteractiveQueryService interactiveQueries;

    QueryStore(InteractiveQueryService interactiveQueries) {
        this.interactiveQueries = interactiveQueries;
    }

    /** Every open query; empty while the stream is not running yet. */
    public List<CodingQuery> open() {
        Optional<ReadOnlyKeyValueStore<String, CodingState>> store = store();
        List<CodingQuery> open = new ArrayList<>();
        if (store.isEmpty()) {
            throw new QueriesUnavailable();
        }
        try (KeyValueIterator<String, CodingState> all = store.get().all()) {
            all.forEachRemaining(kv -> {
                if (kv.value != null && kv.value.waiting()) {
                    open.add(kv.value.openQuery());
                }
            });
        } catch (InvalidStateStoreException e) {
            throw new QueriesUnavailable();
        }
        return open;
    }

    /** The open query with this id, if any. */
    public Optional<CodingQuery> openQuery(String queryId) {
        return open().stream().filter(q -> q.getQueryId().equals(queryId)).findFirst();
    }

    private Optional<ReadOnlyKeyValueStore<String, CodingState>> store() {
        try {
            return interactiveQueries.getQueryableStore(CodingTopology.STATE_STORE, QueryableStoreTypes.keyValueStore());
        } catch (InvalidStateStoreException e) {
            return Optional.empty();
        }
    }

    /** The store cannot be read now (the stream is starting or rebalancing). */
    public static final class QueriesUnavailable extends RuntimeException {
        QueriesUnavailable() {
            super("coding state is not available yet; retry shortly");
        }
    }
}
