package io.revcycle.claims.state;

import io.micronaut.configuration.kafka.streams.InteractiveQueryService;
import io.revcycle.claims.acks.ClaimDirectory;
import io.revcycle.claims.topology.ClaimStores;
import io.revcycle.claims.x12.ClaimInterchangeWriter;
import io.revcycle.events.Claim;
import io.revcycle.events.ClaimState;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Interactive queries on the topology's claim store: the current state of every claim this
 * instance holds. Throws {@link ClaimTableUnavailable} while the store is not queryable (start,
 * rebalance).
 */
@Singleton
public class ClaimTable implements ClaimDirectory {

    /** States a biller has to act on. */
    public static final Set<ClaimState> WORK_QUEUE = EnumSet.of(ClaimState.SCRUB_FAILED, ClaimState.REJECTED);

    private final InteractiveQueryService queries;

    public ClaimTable(InteractiveQueryService queries) {
        this.queries = queries;
    }

    /** The store is not (yet) queryable. */
    public static final class ClaimTableUnavailable extends RuntimeException {
        ClaimTableUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public Optional<Claim> get(String claimId) {
        return query(store -> Optional.ofNullable(store.get(claimId)));
    }

    /** Claims matching the filter, in claim id order, at most {@code limit}. */
    public List<Claim> find(Predicate<Claim> filter, int limit) {
        return query(store -> {
            List<Claim> found = new ArrayList<>();
            try (KeyValueIterator<String, Claim> all = store.all()) {
                while (all.hasNext() && found.size() < limit) {
                    KeyValue<String, Claim> entry = all.next();
                    if (filter.test(entry.value)) {
                        found.add(entry.value);
                    }
                }
            }
            return found;
        });
    }

    @Override
    public boolean exists(String claimId) {
        return get(claimId).isPresent();
    }

    /**
     * From the interchange index the submission step keeps; an interchange handed over before that
     * index existed is looked for among all claims.
     */
    @Override
    public Map<String, String> claimsInInterchange(String interchangeControlNumber) {
        Optional<String> indexed = interchange(interchangeControlNumber);
        if (indexed.isPresent()) {
            Map<String, String> sent = new HashMap<>();
            String[] claimIds = indexed.get().split(",");
            for (int i = 0; i < claimIds.length; i++) {
                sent.put(ClaimInterchangeWriter.transactionSetControlNumber(i), claimIds[i]);
            }
            return sent;
        }
        return query(store -> {
            Map<String, String> sent = new HashMap<>();
            try (KeyValueIterator<String, Claim> all = store.all()) {
                while (all.hasNext()) {
                    Claim claim = all.next().value;
                    if (claim.getSubmission() != null
                            && claim.getSubmission().getInterchangeControlNumber().equals(interchangeControlNumber)) {
                        sent.put(claim.getSubmission().getTransactionSetControlNumber(), claim.getClaimId());
                    }
                }
            }
            return sent;
        });
    }

    private Optional<String> interchange(String interchangeControlNumber) {
        try {
            return queries.getQueryableStore(ClaimStores.INTERCHANGES, QueryableStoreTypes.<String, String>keyValueStore())
                    .map(store -> store.get(interchangeControlNumber));
        } catch (InvalidStateStoreException e) {
            throw new ClaimTableUnavailable("interchange index not queryable: " + e.getMessage(), e);
        }
    }

    /** Runs a query; the store refuses while the topology is starting or rebalancing. */
    private <T> T query(Function<ReadOnlyKeyValueStore<String, Claim>, T> query) {
        try {
            ReadOnlyKeyValueStore<String, Claim> store = queries
                    .getQueryableStore(ClaimStores.CLAIMS, QueryableStoreTypes.<String, Claim>keyValueStore())
                    .orElseThrow(() -> new ClaimTableUnavailable("claim store not available yet", null));
            return query.apply(store);
        } catch (InvalidStateStoreException e) {
            throw new ClaimTableUnavailable("claim store not queryable: " + e.getMessage(), e);
        }
    }
}
