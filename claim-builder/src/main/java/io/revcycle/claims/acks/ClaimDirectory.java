package io.revcycle.claims.acks;

import java.util.Map;

/** What acknowledgment matching may ask about claims (the claim table in the topology). */
public interface ClaimDirectory {

    /** True when a claim with this id exists. */
    boolean exists(String claimId);

    /**
     * The claims sent in the interchange with {@code interchangeControlNumber} (nine digits), by
     * transaction set control number. Asked once per interchange a 999 answers, not once per
     * transaction set: finding them may mean reading every claim.
     */
    Map<String, String> claimsInInterchange(String interchangeControlNumber);
}
