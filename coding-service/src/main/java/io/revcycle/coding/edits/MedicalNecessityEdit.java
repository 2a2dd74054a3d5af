package io.revcycle.coding.edits;

import io.revcycle.coding.codesets.CodeEntry;
import io.revcycle.coding.codesets.CodeSet;
import io.revcycle.coding.codesets.CodeSets;
import io.revcycle.events.Code;
import io.revcycle.events.CodeSystem;
import io.revcycle.events.QueryReason;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A procedure under a coverage policy must point to a diagnosis the policy accepts; otherwise the payer
 * denies it as not medically necessary. The options offered are billable codes the policy accepts.
 */
public final class MedicalNecessityEdit implements CodingEdit {

    private static final int MAX_OPTIONS = 8;

    private final CoveragePolicyTable policies;
    private final CodeSets codeSets;

    public MedicalNecessityEdit(CoveragePolicyTable policies, CodeSets codeSets) {
        this.policies = policies;
        this.codeSets = codeSets;
    }

    @Override
    public String name() {
        return "medical-necessity";
    }

    @Override
    public List<EditFinding> check(CodingDraft draft) {
        List<EditFinding> findings = new ArrayList<>();
        for (DraftLine line : draft.lines()) {
            if (line.code() == null) {
                continue;
            }
            Optional<CoveragePolicy> policy = policies.forProcedure(line.code());
            if (policy.isEmpty()) {
                continue;
            }
            boolean supported = DiagnosisPointers.forLine(draft, line).stream()
                    .map(seq -> draft.diagnosis(seq).orElseThrow())
                    .anyMatch(d -> d.code() != null && policy.get().supportedBy(d.code()));
            if (!supported) {
                findings.add(EditFinding.error("MEDICAL_NECESSITY", QueryReason.MEDICAL_NECESSITY, Fields.line(line),
                        line.code() + " is not supported by the line's diagnoses under policy " + policy.get().policyId(),
                        List.of(line.code()), line.lineNumber(), options(policy.get(), line)));
            }
        }
        return findings;
    }

    private List<Code> options(CoveragePolicy policy, DraftLine line) {
        CodeSet icd = codeSets.codeSet(CodeSystem.ICD10CM);
        List<CodeEntry> found = new ArrayList<>();
        for (String prefix : policy.supportingDiagnoses()) {
            if (found.size() >= MAX_OPTIONS) {
                break;
            }
            Optional<CodeEntry> exact = icd.lookup(prefix, line.serviceDate()).filter(CodeEntry::billable);
            if (exact.isPresent()) {
                found.add(exact.get());
            } else {
                icd.descendants(prefix, line.serviceDate()).stream().filter(CodeEntry::billable).findFirst()
                        .ifPresent(found::add);
            }
        }
        return Fields.options(found);
    }
}
