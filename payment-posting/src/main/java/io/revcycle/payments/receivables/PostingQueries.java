package io.revcycle.payments.receivables;

import io.micronaut.configuration.kafka.streams.InteractiveQueryService;
import io.revcycle.events.Claim;
import io.revcycle.events.PaymentPosted;
import io.revcycle.events.ProcessingException;
import io.revcycle.payments.topology.PostingStores;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Reads the posting topology's state stores of this instance (all its partitions). A deployment of
 * several instances answers for the partitions each holds.
 */
@Singleton
public class PostingQueries {

    private final InteractiveQueryService queries;

    public PostingQueries(InteractiveQueryService queries) {
        this.queries = queries;
    }

    /** Thrown while the stores are not queryable (starting, rebalancing). */
    public static final class NotReady extends RuntimeException {
        NotReady(String store) {
            super("state store " + store + " is not ready");
        }
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        Optional<ReadOnlyKeyValueStore<String, V>> store;
        try {
            store = queries.getQueryableStore(name, QueryableStoreTypes.keyValueStore());
        } catch (InvalidStateStoreException e) {
            throw new NotReady(name);
        }
        return store.orElseThrow(() -> new NotReady(name));
    }

    public Optional<Claim> claim(String claimId) {
        return Optional.ofNullable(get(PostingStores.CLAIMS, claimId));
    }

    public Optional<PaymentPosted> lastPosting(String claimId) {
        return Optional.ofNullable(get(PostingStores.CLAIM_LEDGER, claimId));
    }

    // A store can stop being queryable between lookup and read (a rebalance): that is "not ready" too.
    private <V> V get(String storeName, String key) {
        try {
            return this.<V>store(storeName).get(key);
        } catch (InvalidStateStoreException e) {
            throw new NotReady(storeName);
        }
    }

    /** Every claim with its latest posting. */
    public List<ReceivablesBook.Entry> claimsWithPostings() {
        ReadOnlyKeyValueStore<String, PaymentPosted> ledger = store(PostingStores.CLAIM_LEDGER);
        List<ReceivablesBook.Entry> entries = new ArrayList<>();
        this.<Claim>each(PostingStores.CLAIMS, (id, claim) -> entries.add(new ReceivablesBook.Entry(claim, ledger.get(id))));
        return entries;
    }

    /** Deposit tallies per ERA, partial tallies of all partitions merged. */
    public Map<String, DepositTally> deposits() {
        Map<String, DepositTally> tallies = new LinkedHashMap<>();
        this.<String>each(PostingStores.DEPOSITS, (id, text) -> tallies.merge(id, DepositTally.decode(text),
                DepositTally::merge));
        return tallies;
    }

    /** Sum of PLB amounts per ERA. */
    public Map<String, BigDecimal> providerAdjustmentTotals() {
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        this.<String>each(PostingStores.PROVIDER_ADJUSTMENT_TOTALS, (id, text) -> totals.merge(id,
                new BigDecimal(text), BigDecimal::add));
        return totals;
    }

    /** The exception work queue. */
    public List<ProcessingException> exceptions() {
        List<ProcessingException> all = new ArrayList<>();
        this.<ProcessingException>each(PostingStores.EXCEPTION_QUEUE, (id, exception) -> all.add(exception));
        return all;
    }

    private <V> void each(String storeName, BiConsumer<String, V> action) {
        ReadOnlyKeyValueStore<String, V> store = store(storeName);
        try (KeyValueIterator<String, V> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, V> entry = all.next();
                action.accept(entry.key, entry.value);
            }
        } catch (InvalidStateStoreException e) {
            throw new NotReady(storeName);
        }
    }
}
