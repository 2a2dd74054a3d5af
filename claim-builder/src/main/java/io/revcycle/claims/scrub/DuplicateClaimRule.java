package io.revcycle.claims.scrub;

import io.revcycle.events.Claim;
import io.revcycle.events.CodedDiagnosis;
import io.revcycle.events.Finding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A claim for the same patient, payer, dates of service and codes as another claim is a duplicate
 * (a second encounter for the same visit). The same claim seen again (replay, corrected encounter)
 * is not a duplicate of itself.
 */
public final class DuplicateClaimRule implements ScrubRule {

    public static final String NAME = "DUPLICATE_CLAIM";

    private final ClaimFingerprints fingerprints;

    public DuplicateClaimRule(ClaimFingerprints fingerprints) {
        this.fingerprints = fingerprints;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> check(Claim claim, ScrubContext context) {
        String fingerprint = fingerprint(claim);
        Optional<String> earlier = fingerprints.claimWith(fingerprint);
        if (earlier.isPresent() && !earlier.get().equals(claim.getClaimId())) {
            return List.of(Findings.error(NAME, "claimId", "same patient, payer, dates and codes as claim " + earlier.get()));
        }
        if (earlier.isEmpty()) {
            fingerprints.remember(fingerprint, claim.getClaimId());
        }
        return List.of();
    }

    /**
     * SHA-256 of patient, payer, dates of service and the sorted line and diagnosis codes; the
     * topology keys claims by it so the duplicate check sees every claim that could match.
     */
    public static String fingerprint(Claim claim) {
        String lines = claim.getLines().stream()
                .map(l -> l.getCode().getValue() + ":" + String.join("+", l.getModifiers()) + "@" + l.getServiceDate())
                .sorted().collect(Collectors.joining(","));
        String diagnoses = claim.getDiagnoses().stream().map(CodedDiagnosis::getCode).map(c -> c.getValue())
                .sorted().collect(Collectors.joining(","));
        String text = String.join("|", claim.getPatientId(), claim.getFacility().getFacilityId(),
                claim.getCoverage().getPayerId(), claim.getServiceDateFrom().toString(),
                claim.getServiceDateTo().toString(), lines, diagnoses);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
