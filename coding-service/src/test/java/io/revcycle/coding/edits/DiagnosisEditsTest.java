package io.revcycle.coding.edits;

import io.revcycle.coding.codesets.StarterCodeSets;
import io.revcycle.events.Code;
import io.revcycle.events.QueryReason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.revcycle.coding.edits.Drafts.draft;
import static io.revcycle.coding.edits.Drafts.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Medical necessity, diagnosis pointers and principal diagnosis sequencing. */
class DiagnosisEditsTest {

    private final CoveragePolicyTable policies = new CoveragePolicyTable(List.of(
            new CoveragePolicy("93000", "STARTER-ECG", List.of("I10", "R07", "I48")),
            new CoveragePolicy("90686", "STARTER-INFLUENZA-VACCINE", List.of("Z23"))));
    private final MedicalNecessityEdit necessity = new MedicalNecessityEdit(policies, StarterCodeSets.load());
    private final DiagnosisPointerEdit pointers = new DiagnosisPointerEdit();
    private final PrincipalDiagnosisEdit principal = new PrincipalDiagnosisEdit();

    @Test
    void ecgIsSupportedByHypertensionChestPainOrAtrialFibrillation() {
        assertTrue(necessity.check(draft().dx("I10").line("93000", 1).build()).isEmpty());
        assertTrue(necessity.check(draft().dx("R07.9").line("93000", 1).build()).isEmpty());
        assertTrue(necessity.check(draft().dx("I48.91").line("93000").build()).isEmpty(), "no pointers: all diagnoses count");
    }

    @Test
    void ecgPointingOnlyToAnUnrelatedDiagnosisIsNotMedicallyNecessary() {
        var findings = necessity.check(draft().dx("I10", "J06.9").line("93000", 2).build());
        assertEquals(List.of("MEDICAL_NECESSITY"), rules(findings));
        assertEquals(QueryReason.MEDICAL_NECESSITY, findings.get(0).reason());
        List<String> options = findings.get(0).options().stream().map(Code::getValue).toList();
        assertTrue(options.containsAll(List.of("I10", "R070")), options.toString());
    }

    @Test
    void proceduresWithoutAPolicyAreNotEdited() {
        assertTrue(necessity.check(draft().dx("J06.9").line("99213", 1).build()).isEmpty());
    }

    @Test
    void encounterWithoutDiagnosesIsAMissingDiagnosis() {
        var findings = pointers.check(draft().line("99213").build());
        assertEquals(List.of("MISSING_DIAGNOSIS"), rules(findings));
        assertEquals(QueryReason.MISSING_DIAGNOSIS, findings.get(0).reason());
    }

    @Test
    void pointerToAMissingDiagnosisIsAnErrorAndMoreThanFourAreTruncated() {
        assertEquals(List.of("DIAGNOSIS_POINTER_INVALID"), rules(pointers.check(draft().dx("I10").line("99213", 1, 3).build())));
        CodingDraft five = draft().dx("I10", "E11.9", "E78.5", "J45.909", "R07.89").line("99214", 1, 2, 3, 4, 5).build();
        assertEquals(List.of("DIAGNOSIS_POINTERS_TRUNCATED"), rules(pointers.check(five)));
        assertEquals(List.of(4, 5, 2, 3), DiagnosisPointers.forLine(five, five.lines().get(0)),
                "four pointers, most specific (longest) codes first");
    }

    @Test
    void lineWithoutLinksPointsToThePrincipalFirst() {
        CodingDraft d = draft().dxAt(2, "E11.9").dxAt(1, "I10").line("99213").build();
        assertEquals(List.of("DIAGNOSIS_POINTER_DEFAULTED"), rules(pointers.check(d)));
        assertEquals(List.of(1, 2), DiagnosisPointers.forLine(d, d.lines().get(0)));
    }

    @Test
    void externalCauseMayNotBeFirstListed() {
        var findings = principal.check(draft().dx("W19.XXXA", "S52.521A").build());
        assertEquals(List.of("PRINCIPAL_DIAGNOSIS_SEQUENCE"), rules(findings));
        assertTrue(principal.check(draft().dx("S52.521A", "W19.XXXA").build()).isEmpty());
    }

    @Test
    void liveBornCodeMustBePrincipalAndSequencesAreUnique() {
        assertEquals(List.of("PRINCIPAL_DIAGNOSIS_SEQUENCE"), rules(principal.check(draft().dx("P59.9", "Z38.00").build())));
        assertEquals(List.of("DUPLICATE_DIAGNOSIS_SEQUENCE"), rules(principal.check(draft().dxAt(1, "I10").dxAt(1, "E11.9").build())));
        assertEquals(List.of("DUPLICATE_DIAGNOSIS"), rules(principal.check(draft().dx("I10", "I10").build())));
    }
}
