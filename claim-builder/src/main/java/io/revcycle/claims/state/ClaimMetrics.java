package io.revcycle.claims.state;

/** Figures the billing office watches, fed by the claim lifecycle. */
public interface ClaimMetrics {

    /** A claim was scrubbed for the first time (clean claim rate counts first passes only). */
    void firstScrub(boolean clean);

    /** Metrics that record nothing (tests, benchmarks). */
    ClaimMetrics NONE = clean -> { };
}
