package io.revcycle.deploy.simulator;

import java.util.List;

/**
 * The payer front end's answer for one claim, sent in the 277CA.
 *
 * @param payerClaimControlNumber REF*1K of an accepted claim, null when rejected
 * @param statusCodes             STC01 composites, e.g. A2:20 or A7:164:IL
 */
record ClaimStatus(SubmittedClaim claim, boolean accepted, String payerClaimControlNumber, List<String> statusCodes) {

    ClaimStatus {
        statusCodes = List.copyOf(statusCodes);
    }

    static ClaimStatus accepted(SubmittedClaim claim, String payerClaimControlNumber) {
        return new ClaimStatus(claim, true, payerClaimControlNumber, List.of("A2:20"));
    }

    static ClaimStatus rejected(SubmittedClaim claim, String... statusCodes) {
        return new ClaimStatus(claim, false, null, List.of(statusCodes));
    }
}
