package io.revcycle.deploy.e2e;

import io.revcycle.events.Claim;
import io.revcycle.events.ClaimState;
import io.revcycle.events.ClaimTransition;
import io.revcycle.events.CodedEncounter;
import io.revcycle.events.CodingQuery;
import io.revcycle.events.Denial;
import io.revcycle.events.EncounterReceived;
import io.revcycle.events.PaymentPosted;
import io.revcycle.events.ProcessingException;
import io.revcycle.events.SubmissionBatch;
import io.revcycle.schemas.Topics;
import io.revcycle.schemas.serde.KafkaAvroDeserializer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads what the pipeline publishes — encounters, coded encounters, coding queries, claims, submitted
 * interchanges, acknowledgment and remittance exceptions, payments and denials — from the beginning,
 * with {@code read_committed}, into a picture the tests assert on and the benchmark measures. A background thread keeps it up to date until closed.
 */
public final class PipelineObserver implements AutoCloseable {

    /**
     * What the claim topic told about one claim: its encounter, every state it passed, when the claim
     * builder recorded it SUBMITTED, when its 837 was handed to the clearinghouse, and the findings
     * of its current state.
     */
    public record ClaimTrace(String claimId, String encounterId, ClaimState latest, Set<ClaimState> states,
                             Instant submittedAt, Instant handedOverAt, List<String> findings) {
    }

    private final KafkaConsumer<String, Object> consumer;
    private final Thread poller;
    private final Map<String, Instant> received = new HashMap<>();
    private final Map<String, Instant> coded = new HashMap<>();
    private final Map<String, Integer> codedCounts = new HashMap<>();
    private final Map<String, Integer> submittedTransitions = new HashMap<>();
    private final List<SubmissionBatch> submissions = new ArrayList<>();
    private final List<ProcessingException> exceptions = new ArrayList<>();
    private final Map<String, List<CodingQuery>> queries = new HashMap<>();
    private final Map<String, ClaimTrace> claims = new HashMap<>();
    private final List<PaymentPosted> payments = new ArrayList<>();
    private final List<Denial> denials = new ArrayList<>();
    private final Map<String, long[]> valueBytes = new HashMap<>();
    private final Map<String, Object> config = new HashMap<>();
    private volatile RuntimeException failure;
    private volatile boolean closed;

    public PipelineObserver(String bootstrapServers, String registryUrl) {
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        KafkaAvroDeserializer values = new KafkaAvroDeserializer();
        values.configure(Map.of("schema.registry.url", registryUrl, "specific.avro.reader", true), false);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), values);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.ENCOUNTERS.name(), Topics.ENCOUNTERS_CODED.name(), Topics.CODING_QUERIES.name(),
                Topics.CLAIMS.name(), Topics.CLAIM_SUBMISSIONS.name(), Topics.CLAIM_ACK_EXCEPTIONS.name(),
                Topics.REMITTANCES.name(), Topics.REMITTANCE_EXCEPTIONS.name(), Topics.PAYMENTS.name(), Topics.DENIALS.name())) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        poller = new Thread(this::pollUntilClosed, "pipeline-observer");
        poller.setDaemon(true);
        poller.start();
    }

    private void pollUntilClosed() {
        try {
            while (!closed) {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    take(record.topic(), record.serializedValueSize(), record.value());
                }
            }
        } catch (WakeupException closing) {
            // close() wakes the poll up
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private synchronized void take(String topic, int size, Object value) {
        long[] sizes = valueBytes.computeIfAbsent(topic, t -> new long[2]);
        sizes[0] += size;
        sizes[1]++;
        if (value instanceof EncounterReceived e) {
            received.putIfAbsent(e.getEncounterId(), e.getReceivedAt());
        } else if (value instanceof CodedEncounter c) {
            coded.putIfAbsent(c.getEncounterId(), c.getHeader().getOccurredAt());
            codedCounts.merge(c.getEncounterId(), 1, Integer::sum);
        } else if (value instanceof CodingQuery q) {
            queries.computeIfAbsent(q.getEncounterId(), k -> new ArrayList<>()).add(q);
        } else if (value instanceof Claim c) {
            ClaimTrace before = claims.get(c.getClaimId());
            Set<ClaimState> states = before == null ? EnumSet.noneOf(ClaimState.class) : EnumSet.copyOf(before.states());
            Instant submitted = before == null ? null : before.submittedAt();
            for (ClaimTransition t : c.getHistory()) {
                states.add(t.getState());
                if (t.getState() == ClaimState.SUBMITTED && submitted == null) {
                    submitted = t.getAt();
                }
            }
            states.add(c.getState());
            int submittedInHistory = (int) c.getHistory().stream().filter(t -> t.getState() == ClaimState.SUBMITTED).count();
            submittedTransitions.merge(c.getClaimId(), submittedInHistory, Math::max);
            List<String> findings = c.getFindings().stream()
                    .map(f -> f.getSeverity() + " " + f.getRule() + " " + f.getField() + ": " + f.getMessage()).toList();
            Instant handedOver = c.getSubmission() != null ? c.getSubmission().getSubmittedAt()
                    : before == null ? null : before.handedOverAt();
            claims.put(c.getClaimId(), new ClaimTrace(c.getClaimId(), c.getEncounterId(), c.getState(), states, submitted,
                    handedOver, findings));
        } else if (value instanceof PaymentPosted p) {
            payments.add(p);
        } else if (value instanceof Denial d) {
            denials.add(d);
        } else if (value instanceof SubmissionBatch b) {
            submissions.add(b);
        } else if (value instanceof ProcessingException e) {
            exceptions.add(e);
        }
    }

    /** Waits until the condition holds on the picture, or the time is up; returns whether it held. */
    public boolean await(Predicate<PipelineObserver> condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            check();
            synchronized (this) {
                if (condition.test(this)) {
                    return true;
                }
            }
            Thread.sleep(250);
        }
        return false;
    }

    private void check() {
        if (failure != null) {
            throw new IllegalStateException("reading the pipeline's topics failed", failure);
        }
    }

    public synchronized Map<String, Instant> received() {
        return Map.copyOf(received);
    }

    public synchronized Map<String, Instant> coded() {
        return Map.copyOf(coded);
    }

    /** How many coded encounters each encounter has on {@code rcm.encounters.coded}. */
    public synchronized Map<String, Integer> codedCounts() {
        return Map.copyOf(codedCounts);
    }

    /** Per claim, the most SUBMITTED transitions any of its records on {@code rcm.claims} has in its history. */
    public synchronized Map<String, Integer> submittedTransitions() {
        return Map.copyOf(submittedTransitions);
    }

    /** The interchanges the claim builder recorded on {@code rcm.claims.submissions}. */
    public synchronized List<SubmissionBatch> submissions() {
        return List.copyOf(submissions);
    }

    /** Acknowledgment and remittance exceptions ({@code rcm.claims.acks.exceptions}, {@code rcm.remittances.exceptions}). */
    public synchronized List<ProcessingException> exceptions() {
        return List.copyOf(exceptions);
    }

    /**
     * The committed records on some topics, whatever their content (the dead-letter topics hold the
     * raw bytes of what a stage could not read), counted from the beginning by a consumer of its own.
     */
    public Map<String, Long> committedRecords(List<String> topics) {
        Map<String, Long> counts = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> raw = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                counts.put(topic, 0L);
                raw.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            raw.assign(partitions);
            raw.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = raw.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> raw.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topics + " to their end within 30 s");
                }
                for (ConsumerRecord<byte[], byte[]> record : raw.poll(Duration.ofMillis(200))) {
                    counts.merge(record.topic(), 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    /** Claim states nothing is ever paid from. */
    public static final Set<ClaimState> NEVER_PAID = EnumSet.of(ClaimState.SCRUB_FAILED, ClaimState.REJECTED);

    /**
     * True when every one of the encounters reached an end: a coding query waiting for the provider,
     * a posted claim, or a claim state nothing is paid from.
     */
    public synchronized boolean settled(Set<String> encounters) {
        Map<String, ClaimTrace> byEncounter = new HashMap<>();
        claims.values().forEach(c -> byEncounter.put(c.encounterId(), c));
        Set<String> postedClaims = new HashSet<>();
        payments.forEach(p -> postedClaims.add(p.getClaimId()));
        for (String encounter : encounters) {
            if (queries.containsKey(encounter)) {
                continue;
            }
            ClaimTrace claim = byEncounter.get(encounter);
            if (claim == null || !(postedClaims.contains(claim.claimId()) || NEVER_PAID.contains(claim.latest()))) {
                return false;
            }
        }
        return true;
    }

    public synchronized Map<String, List<CodingQuery>> queries() {
        return Map.copyOf(queries);
    }

    public synchronized Map<String, ClaimTrace> claims() {
        return Map.copyOf(claims);
    }

    public synchronized List<PaymentPosted> payments() {
        return List.copyOf(payments);
    }

    /** Average serialized value size of the records read from a topic, in bytes (0 when none). */
    public synchronized int averageValueSize(String topic) {
        long[] sizes = valueBytes.get(topic);
        return sizes == null || sizes[1] == 0 ? 0 : (int) (sizes[0] / sizes[1]);
    }

    public synchronized List<Denial> denials() {
        return List.copyOf(denials);
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        consumer.wakeup();
        poller.join(10_000);
    }
}
