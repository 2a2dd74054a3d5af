package io.revcycle.schemas;

import io.revcycle.events.Acknowledgment;
import io.revcycle.events.Claim;
import io.revcycle.events.CodedEncounter;
import io.revcycle.events.CodingAnswer;
import io.revcycle.events.CodingQuery;
import io.revcycle.events.Denial;
import io.revcycle.events.DenialAction;
import io.revcycle.events.EncounterReceived;
import io.revcycle.events.EncounterRejected;
import io.revcycle.events.PaymentPosted;
import io.revcycle.events.ProcessingException;
import io.revcycle.events.ProviderAdjustment;
import io.revcycle.events.RemittanceClaimPayment;
import io.revcycle.events.SubmissionBatch;
import io.revcycle.schemas.Topic.CleanupPolicy;

import java.util.List;
import java.util.Optional;

/**
 * The topic catalogue: every topic of the pipeline with its key and value types, partitions and
 * cleanup policy. The only place a topic name is written. Each topic has exactly one producing
 * service (named in its description).
 *
 * <p>Topics keyed by encounter id share {@link #ENCOUNTER_PARTITIONS} so they can be joined;
 * topics keyed by claim id share {@link #CLAIM_PARTITIONS}.
 */
public final class Topics {

    static {
        TrustedAvroPackages.install();
    }

    /** Partitions of every topic keyed by encounter id (co-partitioned for joins). */
    public static final int ENCOUNTER_PARTITIONS = 3;
    /** Partitions of every topic keyed by claim id (co-partitioned for joins). */
    public static final int CLAIM_PARTITIONS = 3;

    /** Encounters accepted at the edge. Writer: encounter-ingest. Key: encounter id. */
    public static final Topic<String, EncounterReceived> ENCOUNTERS = new Topic<>(
            "rcm.encounters", String.class, EncounterReceived.class, ENCOUNTER_PARTITIONS, CleanupPolicy.DELETE,
            "Encounters accepted at the ingest edge (writer: encounter-ingest)");

    /** Inputs refused at the edge, with reasons, for operations. Writer: encounter-ingest. */
    public static final Topic<String, EncounterRejected> ENCOUNTERS_REJECTED = new Topic<>(
            "rcm.encounters.rejected", String.class, EncounterRejected.class, 1, CleanupPolicy.DELETE,
            "Inputs refused at the ingest edge, with field-level reasons and no PHI (writer: encounter-ingest)");

    /** Coded and edited encounters. Writer: coding-service. Key: encounter id. */
    public static final Topic<String, CodedEncounter> ENCOUNTERS_CODED = new Topic<>(
            "rcm.encounters.coded", String.class, CodedEncounter.class, ENCOUNTER_PARTITIONS, CleanupPolicy.DELETE,
            "Encounters coded and edited, ready for claims (writer: coding-service)");

    /** Questions to providers. Writer: coding-service. Key: encounter id. */
    public static final Topic<String, CodingQuery> CODING_QUERIES = new Topic<>(
            "rcm.coding.queries", String.class, CodingQuery.class, ENCOUNTER_PARTITIONS, CleanupPolicy.COMPACT,
            "Provider queries and their status (writer: coding-service)");

    /** Answers to coding queries. Writer: coding-service (coder HTTP API). Key: encounter id. */
    public static final Topic<String, CodingAnswer> CODING_ANSWERS = new Topic<>(
            "rcm.coding.answers", String.class, CodingAnswer.class, ENCOUNTER_PARTITIONS, CleanupPolicy.DELETE,
            "Answers to provider queries (writer: coding-service query API)");

    /** Claim state after every transition. Writer: claim-builder. Key: claim id. */
    public static final Topic<String, Claim> CLAIMS = new Topic<>(
            "rcm.claims", String.class, Claim.class, CLAIM_PARTITIONS, CleanupPolicy.COMPACT,
            "Claims with their lifecycle state, one record per transition (writer: claim-builder)");

    /** X12 interchanges handed to the gateway. Writer: claim-builder. Key: batch id. */
    public static final Topic<String, SubmissionBatch> CLAIM_SUBMISSIONS = new Topic<>(
            "rcm.claims.submissions", String.class, SubmissionBatch.class, 1, CleanupPolicy.DELETE,
            "837 interchanges written and submitted (writer: claim-builder)");

    /** 999 / 277CA results per claim. Writer: claim-builder. Key: claim id. */
    public static final Topic<String, Acknowledgment> CLAIM_ACKS = new Topic<>(
            "rcm.claims.acks", String.class, Acknowledgment.class, CLAIM_PARTITIONS, CleanupPolicy.DELETE,
            "999 and 277CA acknowledgments per claim (writer: claim-builder)");

    /** Acknowledgments that could not be applied. Writer: claim-builder. */
    public static final Topic<String, ProcessingException> CLAIM_ACK_EXCEPTIONS = new Topic<>(
            "rcm.claims.acks.exceptions", String.class, ProcessingException.class, 1, CleanupPolicy.DELETE,
            "Acknowledgments that could not be parsed or name unknown claims (writer: claim-builder)");

    /** Denial follow-up decisions. Writer: claim-builder. Key: claim id. */
    public static final Topic<String, DenialAction> DENIAL_ACTIONS = new Topic<>(
            "rcm.denials.actions", String.class, DenialAction.class, CLAIM_PARTITIONS, CleanupPolicy.DELETE,
            "Corrected claims, appeals, write-offs and status inquiries (writer: claim-builder)");

    /** Balanced 835 claim payments awaiting posting. Writer: payment-posting intake. Key: claim id. */
    public static final Topic<String, RemittanceClaimPayment> REMITTANCES = new Topic<>(
            "rcm.remittances", String.class, RemittanceClaimPayment.class, CLAIM_PARTITIONS, CleanupPolicy.DELETE,
            "835 claim payments read and balanced, to be posted (writer: payment-posting)");

    /** Remittances that could not be posted. Writer: payment-posting. */
    public static final Topic<String, ProcessingException> REMITTANCE_EXCEPTIONS = new Topic<>(
            "rcm.remittances.exceptions", String.class, ProcessingException.class, 1, CleanupPolicy.DELETE,
            "Unbalanced, unmatched, duplicate or unreadable remittances (writer: payment-posting)");

    /** Posted payments, for analysts (no direct identifiers). Writer: payment-posting. Key: claim id. */
    public static final Topic<String, PaymentPosted> PAYMENTS = new Topic<>(
            "rcm.payments", String.class, PaymentPosted.class, CLAIM_PARTITIONS, CleanupPolicy.DELETE,
            "Payments posted per claim; analyst data contract (writer: payment-posting)");

    /** PLB provider-level adjustments. Writer: payment-posting. Key: remittance id. */
    public static final Topic<String, ProviderAdjustment> PROVIDER_ADJUSTMENTS = new Topic<>(
            "rcm.payments.provider-adjustments", String.class, ProviderAdjustment.class, 1, CleanupPolicy.DELETE,
            "Provider-level adjustments: interest, recoupments, forward balances (writer: payment-posting)");

    /** Denied claims, classified. Writer: payment-posting. Key: claim id. */
    public static final Topic<String, Denial> DENIALS = new Topic<>(
            "rcm.denials", String.class, Denial.class, CLAIM_PARTITIONS, CleanupPolicy.DELETE,
            "Denials with category and appeal deadline (writer: payment-posting)");

    /** Records coding-service could not read. */
    public static final Topic<String, byte[]> CODING_DEAD_LETTERS = deadLetter("rcm.coding.dlq", "coding-service");
    /** Records claim-builder could not read. */
    public static final Topic<String, byte[]> CLAIMS_DEAD_LETTERS = deadLetter("rcm.claims.dlq", "claim-builder");
    /** Records payment-posting could not read. */
    public static final Topic<String, byte[]> PAYMENTS_DEAD_LETTERS = deadLetter("rcm.payments.dlq", "payment-posting");

    /** Every topic of the pipeline, in flow order. */
    public static final List<Topic<?, ?>> ALL = List.of(
            ENCOUNTERS, ENCOUNTERS_REJECTED, ENCOUNTERS_CODED, CODING_QUERIES, CODING_ANSWERS,
            CLAIMS, CLAIM_SUBMISSIONS, CLAIM_ACKS, CLAIM_ACK_EXCEPTIONS, DENIAL_ACTIONS,
            REMITTANCES, REMITTANCE_EXCEPTIONS, PAYMENTS, PROVIDER_ADJUSTMENTS, DENIALS,
            CODING_DEAD_LETTERS, CLAIMS_DEAD_LETTERS, PAYMENTS_DEAD_LETTERS);

    /**
     * Dead-letter record headers naming where an unreadable record came from. They are the names
     * Kafka Streams' own dead-letter queue ({@code errors.dead.letter.queue.topic.name}) writes, so
     * records dead-lettered by a topology and by the services' own code read alike.
     */
    public static final class DeadLetterHeaders {
        /** Topic the record was read from. */
        public static final String SOURCE_TOPIC = "__streams.errors.topic";
        /** Partition the record was read from. */
        public static final String SOURCE_PARTITION = "__streams.errors.partition";
        /** Offset of the record. */
        public static final String SOURCE_OFFSET = "__streams.errors.offset";
        /** Class name of the error. */
        public static final String ERROR = "__streams.errors.exception";
        /** Message of the error. */
        public static final String ERROR_MESSAGE = "__streams.errors.message";
        /** Service that could not read it. */
        public static final String SERVICE = "revcycle.dlq.service";

        private DeadLetterHeaders() {
        }
    }

    private Topics() {
    }

    /** The catalogue entry with this name, if any. */
    public static Optional<Topic<?, ?>> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    private static Topic<String, byte[]> deadLetter(String name, String service) {
        return new Topic<>(name, String.class, byte[].class, 1, CleanupPolicy.DELETE,
                "Records " + service + " could not read, with provenance headers (writer: " + service + ")");
    }
}
