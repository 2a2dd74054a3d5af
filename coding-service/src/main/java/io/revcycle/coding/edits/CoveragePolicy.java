package io.revcycle.coding.edits;

import java.util.List;

/**
 * A local or national coverage rule (LCD/NCD style): the procedure is medically necessary only with a
 * diagnosis that starts with one of the listed ICD-10-CM codes or prefixes (no dots).
 */
public record CoveragePolicy(String procedure, String policyId, List<String> supportingDiagnoses) {

    public CoveragePolicy {
        supportingDiagnoses = List.copyOf(supportingDiagnoses);
    }

    public boolean supportedBy(String diagnosis) {
        return SexSpecificCodes.matches(supportingDiagnoses, diagnosis);
    }
}
