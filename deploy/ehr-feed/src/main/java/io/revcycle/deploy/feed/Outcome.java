package io.revcycle.deploy.feed;

/** What ingest answered for one encounter. */
public enum Outcome {
    /** Published (a new encounter or a new version). */
    ACCEPTED,
    /** Already published with the same content; nothing published. */
    DUPLICATE,
    /** Refused as invalid or unreadable. */
    REJECTED,
    /** No usable answer: transport failure, authentication, or ingest unavailable after retries. */
    ERROR
}
