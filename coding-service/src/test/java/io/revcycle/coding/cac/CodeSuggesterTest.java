package io.revcycle.coding.cac;

import io.revcycle.coding.codesets.StarterCodeSets;
import io.revcycle.events.CodeSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeSuggesterTest {

    private static CodeSuggester suggester;

    @BeforeAll
    static void indexStarterSet() {
        suggester = CodeSuggester.index(StarterCodeSets.load());
    }

    @Test
    void abbreviationHtnFindsEssentialHypertensionConfidently() {
        Suggestion best = suggester.suggest(CodeSystem.ICD10CM, "HTN", 5).get(0);
        assertEquals("I10", best.code());
        assertTrue(best.confidence() >= 0.8, "confidence " + best.confidence());
    }

    @Test
    void abbreviationDm2FindsTypeTwoDiabetesWithoutComplications() {
        Suggestion best = suggester.suggest(CodeSystem.ICD10CM, "DM2 w/o complications", 5).get(0);
        assertEquals("E119", best.code());
        assertTrue(best.confidence() >= 0.8, "confidence " + best.confidence());
    }

    @Test
    void copdWithExacerbationRanksTheExactDescriptionFirst() {
        Suggestion best = suggester.suggest(CodeSystem.ICD10CM, "COPD with acute exacerbation", 5).get(0);
        assertEquals("J441", best.code());
        assertTrue(best.confidence() >= 0.9, "confidence " + best.confidence());
    }

    @Test
    void chfWithoutTypeIsFoundButNotConfidently() {
        List<Suggestion> suggestions = suggester.suggest(CodeSystem.ICD10CM, "CHF", 5);
        assertTrue(suggestions.stream().anyMatch(s -> s.code().startsWith("I50")), suggestions.toString());
        assertTrue(suggestions.get(0).confidence() < 0.8, "systolic or diastolic is not documented: " + suggestions);
    }

    @Test
    void confidenceStaysWithinZeroAndOneAndRanksDescend() {
        List<Suggestion> suggestions = suggester.suggest(CodeSystem.ICD10CM, "chest pain on breathing, sob", 8);
        assertTrue(suggestions.size() > 1);
        for (Suggestion s : suggestions) {
            assertTrue(s.confidence() >= 0 && s.confidence() <= 1, s.toString());
        }
        assertTrue(suggestions.stream().anyMatch(s -> s.code().equals("R071") || s.code().equals("R0602")), suggestions.toString());
    }

    @Test
    void residualOtherCodeIsNotPreferredWhenTheTextDoesNotSayOther() {
        Suggestion best = suggester.suggest(CodeSystem.ICD10CM, "asthma", 5).get(0);
        assertEquals("J45909", best.code(), "unspecified asthma, not 'Other asthma'");
        assertTrue(best.confidence() < 0.8, "bare 'asthma' does not decide the code: " + best.confidence());
    }

    @Test
    void everydayWordsFindTheirCodes() {
        assertEquals("Z23", suggester.suggest(CodeSystem.ICD10CM, "flu shot", 3).get(0).code());
        Suggestion bph = suggester.suggest(CodeSystem.ICD10CM, "BPH with LUTS", 3).get(0);
        assertEquals("N401", bph.code());
        assertTrue(bph.confidence() >= 0.8, "confidence " + bph.confidence());
    }

    @Test
    void hcpcsTextFindsHcpcsCodesOnly() {
        Suggestion best = suggester.suggest(CodeSystem.HCPCS, "dexamethasone injection", 3).get(0);
        assertEquals("J1100", best.code());
    }

    @Test
    void textWithNothingCodableSuggestsNothing() {
        assertTrue(suggester.suggest(CodeSystem.ICD10CM, "the and of", 5).isEmpty());
        assertTrue(suggester.suggest(CodeSystem.ICD10CM, "   ", 5).isEmpty());
        assertTrue(suggester.suggest(CodeSystem.ICD10CM, "qwzx", 5).isEmpty());
    }
}
