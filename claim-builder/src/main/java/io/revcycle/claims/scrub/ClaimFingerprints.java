package io.revcycle.claims.scrub;

import java.util.Optional;

/** Remembers which claim first carried each fingerprint (a state store in the topology). */
public interface ClaimFingerprints {

    /** The claim that carries this fingerprint, if any. */
    Optional<String> claimWith(String fingerprint);

    /** Records that the claim carries this fingerprint. */
    void remember(String fingerprint, String claimId);
}
