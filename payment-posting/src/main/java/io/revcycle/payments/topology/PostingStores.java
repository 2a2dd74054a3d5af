package io.revcycle.payments.topology;

/** Names of the posting topology's state stores (their changelogs are internal topics of the application). */
public final class PostingStores {

    /** Claims as claim-builder last wrote them (the table remittances join). Key: claim id. */
    public static final String CLAIMS = "claims";
    /** Latest posting of any type per claim. Key: claim id. */
    public static final String CLAIM_LEDGER = "claim-ledger";
    /** Latest posting not reversed since, per claim. Key: claim id. */
    public static final String ACTIVE_POSTINGS = "active-postings";
    /** Posting ids already posted, to recognise an ERA received twice. Key: posting id; value: posted-at millis. */
    public static final String POSTING_IDS = "posting-ids";
    /** Deposit tallies per ERA (encoded {@code DepositTally}). Key: remittance id. */
    public static final String DEPOSITS = "deposits";
    /** Sum of PLB amounts per ERA. Key: remittance id. */
    public static final String PROVIDER_ADJUSTMENT_TOTALS = "provider-adjustment-totals";
    /** Remittance exceptions, the work queue. Key: exception id. */
    public static final String EXCEPTION_QUEUE = "exception-queue";

    private PostingStores() {
    }
}
