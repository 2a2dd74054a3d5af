package io.revcycle.claims.acks;

import java.util.Optional;

/** What acknowledgment matching may ask about claims (the claim table in the topology). */
public interface ClaimDirectory {

    /** True when a claim with this id exists. */
    boolean exists(String claimId);

    /**
     * The claim sent as transaction set {@code transactionSetControlNumber} of the interchange with
     * {@code interchangeControlNumber} (nine digits).
     */
    Optional<String> claimInTransaction(String interchangeControlNumber, String transactionSetControlNumber);
}
