package io.revcycle.deploy.feed.generate;

/** The deliberate problems the generator puts into some encounters. */
public enum Flaw {
    /** The rendering (or attending) provider's NPI has a wrong check digit: ingest refuses it. */
    BAD_NPI_CHECK_DIGIT(Expectation.REJECTED),
    /** Dated after today: ingest refuses it. */
    FUTURE_SERVICE_DATE(Expectation.REJECTED),
    /** Neither a coverage nor self-pay: ingest refuses it. */
    MISSING_COVERAGE(Expectation.REJECTED),
    /** A diagnosis documented only as an ambiguous text ("CHF", "asthma"): coding asks which code. */
    DIAGNOSIS_TEXT_ONLY(Expectation.QUERY),
    /** An unspecified code where the documentation names a specific condition: coding asks. */
    UNSPECIFIED_CODE(Expectation.QUERY);

    private final Expectation expectation;

    Flaw(Expectation expectation) {
        this.expectation = expectation;
    }

    public Expectation expectation() {
        return expectation;
    }
}
