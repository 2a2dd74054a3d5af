package io.revcycle.coding.edits;

import io.revcycle.coding.codesets.CodeChecker;
import io.revcycle.coding.codesets.CodeSets;

import java.util.ArrayList;
import java.util.List;

/** Runs every coding edit over a draft, in a fixed order, and gathers their findings. */
public final class EditPipeline {

    private final List<CodingEdit> edits;

    public EditPipeline(List<CodingEdit> edits) {
        this.edits = List.copyOf(edits);
    }

    /** The standard edits over the given code sets and coverage policies. */
    public static EditPipeline standard(CodeSets codeSets, CoveragePolicyTable policies) {
        CodeChecker checker = new CodeChecker(codeSets);
        return new EditPipeline(List.of(
                new CodeValidityEdit(checker),
                new BillableCodeEdit(checker),
                new SeventhCharacterEdit(checker),
                new AgeSexEdit(SexSpecificCodes.standard()),
                new ServiceUnitsEdit(),
                new DiagnosisPointerEdit(),
                new PrincipalDiagnosisEdit(),
                new NcciPtpEdit(codeSets),
                new MueEdit(codeSets),
                new MedicalNecessityEdit(policies, codeSets)));
    }

    public List<EditFinding> run(CodingDraft draft) {
        List<EditFinding> findings = new ArrayList<>();
        for (CodingEdit edit : edits) {
            findings.addAll(edit.check(draft));
        }
        return findings;
    }

    public List<CodingEdit> edits() {
        return edits;
    }
}
