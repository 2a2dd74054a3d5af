package io.revcycle.deploy.feed.generate;

/** What the pipeline should make of a generated encounter. */
public enum Expectation {
    /** Ingest accepts it and coding codes it without asking anyone. */
    ACCEPTED,
    /** Ingest accepts it; its documentation gap makes coding ask the provider a question. */
    QUERY,
    /** Ingest refuses it. */
    REJECTED;

    /** True when ingest should accept the encounter (clean or with a documentation gap). */
    public boolean acceptedByIngest() {
        return this != REJECTED;
    }
}
