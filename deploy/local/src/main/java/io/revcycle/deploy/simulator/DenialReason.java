package io.revcycle.deploy.simulator;

/**
 * Why the simulated payer denies: the CARC it sends (group CO) and an optional RARC. Code values
 * only, with our own wording here; the official code texts are not ours to ship.
 */
enum DenialReason {
    /** Coverage not in force on the date of service. */
    ELIGIBILITY("27", "N30"),
    /** The service needed an authorization the claim does not carry. */
    AUTHORIZATION("197", "M62"),
    /** The diagnosis does not support the service. */
    MEDICAL_NECESSITY("50", "N115"),
    /** One line is paid as part of another service. */
    BUNDLING("97", "M15"),
    /** The same claim was already adjudicated. */
    DUPLICATE("18", "N522"),
    /** Received after the filing limit. */
    TIMELY_FILING("29", null),
    /** The claim lacks information needed to adjudicate it. */
    MISSING_INFORMATION("16", "M51");

    private final String carc;
    private final String rarc;

    DenialReason(String carc, String rarc) {
        this.carc = carc;
        this.rarc = rarc;
    }

    /** Claim adjustment reason code. */
    String carc() {
        return carc;
    }

    /** Remittance advice remark code, or null. */
    String rarc() {
        return rarc;
    }

    /** True when the reason denies one line rather than the whole claim. */
    boolean lineLevel() {
        return this == BUNDLING;
    }
}
