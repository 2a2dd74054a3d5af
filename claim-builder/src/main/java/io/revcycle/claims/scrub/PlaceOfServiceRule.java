package io.revcycle.claims.scrub;

import io.revcycle.events.Claim;
import io.revcycle.events.ClaimType;
import io.revcycle.events.Finding;

import java.util.List;
import java.util.Set;

/**
 * Place of service is a known CMS code, and one that fits the claim type: institutional bills are
 * for hospital settings (inpatient 21, outpatient 19/22, emergency 23); professional claims may
 * name any known place.
 */
public final class PlaceOfServiceRule implements ScrubRule {

    public static final String NAME = "PLACE_OF_SERVICE";

    private static final Set<String> KNOWN = Set.of(
            "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16",
            "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "31", "32", "33", "34", "41",
            "42", "49", "50", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "65", "66",
            "71", "72", "81", "99");
    private static final Set<String> INSTITUTIONAL = Set.of("19", "21", "22", "23");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> check(Claim claim, ScrubContext context) {
        String pos = claim.getPlaceOfService();
        if (pos == null || !KNOWN.contains(pos)) {
            return List.of(Findings.error(NAME, "placeOfService", "unknown place of service " + pos));
        }
        if (claim.getClaimType() == ClaimType.INSTITUTIONAL && !INSTITUTIONAL.contains(pos)) {
            return List.of(Findings.error(NAME, "placeOfService",
                    "place of service " + pos + " is not a hospital setting for an institutional claim"));
        }
        return List.of();
    }
}
