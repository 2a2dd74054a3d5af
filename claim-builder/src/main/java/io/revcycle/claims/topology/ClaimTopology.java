package io.revcycle.claims.topology;

import io.revcycle.claims.assembly.ClaimAssembler;
import io.revcycle.claims.pricing.ClaimPricer;
import io.revcycle.claims.scrub.ClaimScrubber;
import io.revcycle.claims.scrub.DuplicateClaimRule;
import io.revcycle.claims.state.ClaimMetrics;
import io.revcycle.claims.submission.InterchangeSubmitter;
import io.revcycle.events.Acknowledgment;
import io.revcycle.events.Claim;
import io.revcycle.events.ClaimState;
import io.revcycle.events.CodedEncounter;
import io.revcycle.events.Denial;
import io.revcycle.events.PaymentPosted;
import io.revcycle.events.SubmissionBatch;
import io.revcycle.schemas.Topics;
import io.revcycle.schemas.serde.AvroSerdes;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The claim-builder topology:
 * <pre>
 * rcm.encounters.coded ─ assemble + price ─► by fingerprint ─ scrub ─► by claim id ─┐
 * rcm.claims.acks, rcm.payments, rcm.denials (keyed by claim id) ──────────────────┴► lifecycle ─► rcm.claims
 *   READY ─► one partition ─ batch + 837 + gateway ─┬► rcm.claims.submissions
 *                                                   └ per claim ─► by claim id ─► lifecycle ─► rcm.claims (SUBMITTED)
 * </pre>
 * The lifecycle (two nodes on one store, in one task) is the only writer of claim state; the
 * submission step is the only place claims enter interchanges.
 */
public final class ClaimTopology {

    private final ClaimAssembler assembler;
    private final ClaimPricer pricer;
    private final ClaimScrubber.Factory scrubbers;
    private final InterchangeSubmitter submitter;
    private final SubmissionProcessor.BatchLimits limits;
    private final ClaimMetrics metrics;
    private final Clock clock;
    private final Map<String, ?> serdeConfig;

    /**
     * @param serdeConfig Avro serde settings, at least {@code schema.registry.url}
     */
    public ClaimTopology(ClaimAssembler assembler, ClaimPricer pricer, ClaimScrubber.Factory scrubbers,
                         InterchangeSubmitter submitter, int maxClaimsPerInterchange, Duration maxWait,
                         Duration checkEvery, ClaimMetrics metrics, Clock clock, Map<String, ?> serdeConfig) {
        this.assembler = assembler;
        this.pricer = pricer;
        this.scrubbers = scrubbers;
        this.submitter = submitter;
        this.limits = new SubmissionProcessor.BatchLimits(maxClaimsPerInterchange, maxWait, checkEvery);
        this.metrics = metrics;
        this.clock = clock;
        this.serdeConfig = Map.copyOf(serdeConfig);
    }

    /** Adds the stores and streams to the builder; returns the stream of claim states. */
    public KStream<String, Claim> build(StreamsBuilder builder) {
        Serde<String> keys = Serdes.String();
        Serde<Claim> claimSerde = AvroSerdes.of(Topics.CLAIMS, serdeConfig);
        Serde<CodedEncounter> codedSerde = AvroSerdes.of(Topics.ENCOUNTERS_CODED, serdeConfig);
        Serde<SubmissionBatch> batchSerde = AvroSerdes.of(Topics.CLAIM_SUBMISSIONS, serdeConfig);
        Serde<Acknowledgment> ackSerde = AvroSerdes.of(Topics.CLAIM_ACKS, serdeConfig);
        Serde<PaymentPosted> paymentSerde = AvroSerdes.of(Topics.PAYMENTS, serdeConfig);
        Serde<Denial> denialSerde = AvroSerdes.of(Topics.DENIALS, serdeConfig);

        // Cached: a key written several times between commits (CREATED then READY, a batch's claim count, a
        // claim pending and sent within one commit) goes to the store and its changelog once, at the commit.
        // The submission stores hold only the open batches, so they live in memory (restored from their
        // changelogs like the others); claims and fingerprints grow with every claim and stay in RocksDB.
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ClaimStores.FINGERPRINTS), keys, Serdes.String()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ClaimStores.CLAIMS), keys, claimSerde).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(ClaimStores.PENDING), keys, claimSerde).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(ClaimStores.BATCHES), keys, Serdes.String()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(ClaimStores.CONTROL_NUMBERS), keys, Serdes.Long()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(ClaimStores.SENT), keys, Serdes.String()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ClaimStores.INTERCHANGES), keys, Serdes.String()).withCachingEnabled());

        KStream<String, SpecificRecord> scrubbed = builder
                .stream(Topics.ENCOUNTERS_CODED.name(), Consumed.with(keys, codedSerde).withName("coded-encounters"))
                .flatMap((encounterId, coded) -> assembler.assemble(coded, clock.instant())
                        .map(pricer::price)
                        .map(claim -> List.of(KeyValue.pair(DuplicateClaimRule.fingerprint(claim), claim)))
                        .orElse(List.of()), Named.as("assemble-and-price"))
                .repartition(Repartitioned.with(keys, claimSerde).withName("claims-by-fingerprint")
                        .withNumberOfPartitions(Topics.CLAIM_PARTITIONS))
                .process(() -> new ScrubProcessor(scrubbers, clock), Named.as("scrub"), ClaimStores.FINGERPRINTS)
                .repartition(Repartitioned.with(keys, claimSerde).withName("scrubbed-claims")
                        .withNumberOfPartitions(Topics.CLAIM_PARTITIONS))
                .mapValues(claim -> (SpecificRecord) claim, Named.as("scrubbed-as-event"));

        KStream<String, SpecificRecord> acks = builder
                .stream(Topics.CLAIM_ACKS.name(), Consumed.with(keys, ackSerde).withName("acknowledgments"))
                .mapValues(ack -> (SpecificRecord) ack, Named.as("ack-as-event"));
        KStream<String, SpecificRecord> payments = builder
                .stream(Topics.PAYMENTS.name(), Consumed.with(keys, paymentSerde).withName("payments"))
                .mapValues(payment -> (SpecificRecord) payment, Named.as("payment-as-event"));
        KStream<String, SpecificRecord> denials = builder
                .stream(Topics.DENIALS.name(), Consumed.with(keys, denialSerde).withName("denials"))
                .mapValues(denial -> (SpecificRecord) denial, Named.as("denial-as-event"));

        KStream<String, Claim> claims = scrubbed
                .merge(acks, Named.as("merge-acks"))
                .merge(payments, Named.as("merge-payments"))
                .merge(denials, Named.as("merge-denials"))
                .process(() -> new ClaimLifecycleProcessor(metrics, clock), Named.as("lifecycle"), ClaimStores.CLAIMS);
        claims.to(Topics.CLAIMS.name(), Produced.with(keys, claimSerde).withName("claim-states"));

        KStream<String, SubmissionBatch> batches = claims
                .filter((claimId, claim) -> claim.getState() == ClaimState.READY, Named.as("ready-claims"))
                .repartition(Repartitioned.with(keys, claimSerde).withName("ready-claims").withNumberOfPartitions(1))
                .process(() -> new SubmissionProcessor(submitter, limits, clock), Named.as("submit"),
                        ClaimStores.PENDING, ClaimStores.BATCHES, ClaimStores.CONTROL_NUMBERS, ClaimStores.SENT,
                        ClaimStores.INTERCHANGES);
        batches.to(Topics.CLAIM_SUBMISSIONS.name(), Produced.with(keys, batchSerde).withName("submission-batches"));

        // Straight back to the claims' partitions, not through rcm.claims.submissions: one hop instead of two.
        // A second lifecycle node on the same store (so in the same task) closes the loop the DSL cannot draw.
        KStream<String, Claim> submitted = batches
                .process(SubmissionPerClaimProcessor::new, Named.as("submission-per-claim"))
                .repartition(Repartitioned.with(keys, batchSerde).withName("submitted-claims")
                        .withNumberOfPartitions(Topics.CLAIM_PARTITIONS))
                .mapValues(batch -> (SpecificRecord) batch, Named.as("submission-as-event"))
                .process(() -> new ClaimLifecycleProcessor(metrics, clock), Named.as("lifecycle-submitted"),
                        ClaimStores.CLAIMS);
        submitted.to(Topics.CLAIMS.name(), Produced.with(keys, claimSerde).withName("submitted-claim-states"));
        return claims.merge(submitted, Named.as("all-claim-states"));
    }
}
