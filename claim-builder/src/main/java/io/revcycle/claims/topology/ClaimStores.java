package io.revcycle.claims.topology;

/** Names of the topology's state stores (their changelogs make them survive restarts). */
public final class ClaimStores {

    /** Current claim by claim id; queried by the HTTP API. */
    public static final String CLAIMS = "claims";
    /** Claim id by duplicate fingerprint. */
    public static final String FINGERPRINTS = "claim-fingerprints";
    /** READY claims waiting for an interchange, by payer|type|claim id. */
    public static final String PENDING = "submission-pending";
    /** Open batches: payer|type → "openedAtMillis:claimCount". */
    public static final String BATCHES = "submission-batches";
    /**
     * Claims of an interchange delivered again after a lost commit whose READY record is still to be
     * re-read: claim id → event id of that READY record.
     */
    public static final String SENT = "submission-sent";
    /**
     * Every interchange handed over: interchange control number → its claim ids in transaction-set
     * order, separated by commas. A 999 names only the control numbers; this finds its claims
     * without reading every claim.
     */
    public static final String INTERCHANGES = "submitted-interchanges";
    /** The last interchange control number used. */
    public static final String CONTROL_NUMBERS = "interchange-control-numbers";

    private ClaimStores() {
    }
}
