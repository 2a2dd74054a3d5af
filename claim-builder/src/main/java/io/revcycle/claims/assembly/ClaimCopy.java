package io.revcycle.claims.assembly;

import io.revcycle.events.Claim;

/**
 * Copies of claims that share the original's field values. {@code Claim.newBuilder(claim)} deep-copies
 * every nested record, list and decimal, which made up a large share of the cost of a claim
 * transition. Sharing is safe because a claim's values are never changed in place: every change
 * sets a field to a new value (a new list, a new amount).
 */
public final class ClaimCopy {

    private static final int FIELDS = Claim.getClassSchema().getFields().size();

    private ClaimCopy() {
    }

    /** A new claim with the same field values; setting a field on it leaves {@code claim} unchanged. */
    public static Claim of(Claim claim) {
        Claim copy = new Claim();
        for (int i = 0; i < FIELDS; i++) {
            copy.put(i, claim.get(i));
        }
        return copy;
    }
}
