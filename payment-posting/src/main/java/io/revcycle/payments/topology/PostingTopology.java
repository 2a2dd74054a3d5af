package io.revcycle.payments.topology;

import io.revcycle.events.Claim;
import io.revcycle.events.Denial;
import io.revcycle.events.PaymentPosted;
import io.revcycle.events.ProcessingException;
import io.revcycle.events.ProviderAdjustment;
import io.revcycle.events.RemittanceClaimPayment;
import io.revcycle.payments.posting.ClaimLedger;
import io.revcycle.payments.posting.PaymentPoster;
import io.revcycle.payments.posting.PostingOutcome;
import io.revcycle.payments.receivables.DepositTally;
import io.revcycle.schemas.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.math.BigDecimal;

/**
 * The posting stage: remittances joined with the claims table (both keyed by claim id,
 * co-partitioned), posted against each claim's ledger, out as payments, denials and exceptions.
 * Beside it, two small sub-topologies keep the exception work queue and the PLB totals per ERA
 * queryable.
 *
 * <pre>
 * rcm.remittances ──leftJoin── rcm.claims (table)
 *        └─► post (claim-ledger, active-postings, posting-ids, deposits)
 *               ├─► rcm.payments
 *               ├─► rcm.denials
 *               └─► rcm.remittances.exceptions ──► exception-queue
 * rcm.payments.provider-adjustments ──► provider-adjustment-totals
 * </pre>
 */
public final class PostingTopology {

    private PostingTopology() {
    }

    /** A remittance and the claim it names (null when we have no such claim). */
    record Matched(RemittanceClaimPayment payment, Claim claim) {
    }

    /** Adds the posting stage to the builder; returns the stream of everything posting emits. */
    public static KStream<String, SpecificRecord> build(StreamsBuilder builder, PostingSerdes serdes,
                                                       PaymentPoster poster) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PostingStores.CLAIM_LEDGER),
                Serdes.String(), serdes.payments()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PostingStores.ACTIVE_POSTINGS),
                Serdes.String(), serdes.payments()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PostingStores.POSTING_IDS),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PostingStores.DEPOSITS),
                Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PostingStores.EXCEPTION_QUEUE),
                Serdes.String(), serdes.exceptions()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PostingStores.PROVIDER_ADJUSTMENT_TOTALS), Serdes.String(), Serdes.String()));

        KTable<String, Claim> claims = builder.table(Topics.CLAIMS.name(), Consumed.with(Serdes.String(), serdes.claims()),
                Materialized.<String, Claim, KeyValueStore<Bytes, byte[]>>as(PostingStores.CLAIMS)
                        .withKeySerde(Serdes.String()).withValueSerde(serdes.claims()));

        KStream<String, SpecificRecord> posted = builder.stream(Topics.REMITTANCES.name(),
                        Consumed.with(Serdes.String(), serdes.remittances()))
                .leftJoin(claims, Matched::new)
                .process(() -> new Post(poster), PostingStores.CLAIM_LEDGER, PostingStores.ACTIVE_POSTINGS,
                        PostingStores.POSTING_IDS, PostingStores.DEPOSITS);

        posted.filter((claimId, event) -> event instanceof PaymentPosted)
                .mapValues(event -> (PaymentPosted) event)
                .to(Topics.PAYMENTS.name(), Produced.with(Serdes.String(), serdes.payments()));
        posted.filter((claimId, event) -> event instanceof Denial)
                .mapValues(event -> (Denial) event)
                .to(Topics.DENIALS.name(), Produced.with(Serdes.String(), serdes.denials()));
        posted.filter((claimId, event) -> event instanceof ProcessingException)
                .mapValues(event -> (ProcessingException) event)
                .to(Topics.REMITTANCE_EXCEPTIONS.name(), Produced.with(Serdes.String(), serdes.exceptions()));

        builder.stream(Topics.REMITTANCE_EXCEPTIONS.name(), Consumed.with(Serdes.String(), serdes.exceptions()))
                .process(QueueException::new, PostingStores.EXCEPTION_QUEUE);
        builder.stream(Topics.PROVIDER_ADJUSTMENTS.name(), Consumed.with(Serdes.String(), serdes.providerAdjustments()))
                .process(TotalProviderAdjustments::new, PostingStores.PROVIDER_ADJUSTMENT_TOTALS);
        return posted;
    }

    /** Posts one remittance on its claim's ledger and forwards what came out. */
    private static final class Post implements Processor<String, Matched, String, SpecificRecord> {

        private final PaymentPoster poster;
        private ProcessorContext<String, SpecificRecord> context;
        private KeyValueStore<String, PaymentPosted> ledger;
        private KeyValueStore<String, PaymentPosted> active;
        private KeyValueStore<String, Long> postingIds;
        private KeyValueStore<String, String> deposits;

        Post(PaymentPoster poster) {
            this.poster = poster;
        }

        @Override
        public void init(ProcessorContext<String, SpecificRecord> context) {
            this.context = context;
            ledger = context.getStateStore(PostingStores.CLAIM_LEDGER);
            active = context.getStateStore(PostingStores.ACTIVE_POSTINGS);
            postingIds = context.getStateStore(PostingStores.POSTING_IDS);
            deposits = context.getStateStore(PostingStores.DEPOSITS);
        }

        @Override
        public void process(Record<String, Matched> record) {
            RemittanceClaimPayment payment = record.value().payment();
            if (payment == null) {
                return;
            }
            String claimId = record.key();
            String postingId = PaymentPoster.postingId(payment);
            ClaimLedger before = new ClaimLedger(ledger.get(claimId), active.get(claimId),
                    postingIds.get(postingId) != null);
            PostingOutcome outcome = poster.post(payment, record.value().claim(), before);
            PaymentPosted posting = outcome.posting();
            if (posting != null) {
                ledger.put(claimId, outcome.ledger().last());
                if (outcome.ledger().active() != null) {
                    active.put(claimId, outcome.ledger().active());
                } else {
                    active.delete(claimId);
                }
                postingIds.put(postingId, posting.getPostedAt().toEpochMilli());
                tally(payment, posting.getPaidAmount());
                context.forward(record.withValue(posting));
            }
            if (outcome.denial() != null) {
                context.forward(record.withValue(outcome.denial()));
            }
            for (ProcessingException exception : outcome.exceptions()) {
                context.forward(record.withValue(exception));
            }
        }

        private void tally(RemittanceClaimPayment payment, BigDecimal paid) {
            String stored = deposits.get(payment.getRemittanceId());
            DepositTally tally = stored != null ? DepositTally.decode(stored)
                    : new DepositTally(payment.getRemittanceId(), payment.getTraceNumber(), payment.getPayerId(),
                    payment.getPaymentDate(), payment.getTransactionTotal(), BigDecimal.ZERO.setScale(2), 0);
            deposits.put(payment.getRemittanceId(), tally.plus(paid).encode());
        }
    }

    /** Keeps every remittance exception by id: the work queue behind {@code GET /v1/exceptions}. */
    private static final class QueueException implements Processor<String, ProcessingException, Void, Void> {

        private KeyValueStore<String, ProcessingException> queue;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            queue = context.getStateStore(PostingStores.EXCEPTION_QUEUE);
        }

        @Override
        public void process(Record<String, ProcessingException> record) {
            if (record.value() != null) {
                queue.put(record.value().getExceptionId(), record.value());
            }
        }
    }

    /** Sums PLB amounts per ERA, for deposit reconciliation. */
    private static final class TotalProviderAdjustments implements Processor<String, ProviderAdjustment, Void, Void> {

        private KeyValueStore<String, String> totals;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            totals = context.getStateStore(PostingStores.PROVIDER_ADJUSTMENT_TOTALS);
        }

        @Override
        public void process(Record<String, ProviderAdjustment> record) {
            ProviderAdjustment adjustment = record.value();
            if (adjustment == null) {
                return;
            }
            String stored = totals.get(adjustment.getRemittanceId());
            BigDecimal total = stored != null ? new BigDecimal(stored) : BigDecimal.ZERO.setScale(2);
            totals.put(adjustment.getRemittanceId(), total.add(adjustment.getAmount()).toPlainString());
        }
    }
}
