package io.revcycle.coding.codesets;

import io.revcycle.coding.Fixtures;
import io.revcycle.events.CodeSystem;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CodeCheckerTest {

    private static final LocalDate DOS = LocalDate.of(2025, 6, 2);
    private final CodeChecker checker = new CodeChecker(StarterCodeSets.load());

    @Test
    void billableLeafCodeInForceIsValidWhateverItsSpelling() {
        CodeCheck check = checker.check(CodeSystem.ICD10CM, " e11.9 ", DOS);
        assertEquals(CodeCheck.Status.VALID, check.status());
        assertEquals("E119", check.code());
        assertEquals("Type 2 diabetes mellitus without complications", check.entry().longDescription());
    }

    @Test
    void categoryHeaderIsNotBillableAndOffersItsLeaves() {
        CodeCheck check = checker.check(CodeSystem.ICD10CM, "E11", DOS);
        assertEquals(CodeCheck.Status.HEADER, check.status());
        assertTrue(codes(check).contains("E1100"));
    }

    @Test
    void injuryWithoutSeventhCharacterOffersTheEncounterCharacters() {
        CodeCheck check = checker.check(CodeSystem.ICD10CM, "S52.521", DOS);
        assertEquals(CodeCheck.Status.MISSING_SEVENTH_CHARACTER, check.status());
        assertEquals(List.of("S52521A", "S52521D", "S52521G", "S52521K", "S52521P", "S52521S"), codes(check));
    }

    @Test
    void seventhCharacterTheCategoryDoesNotAllowIsNamed() {
        CodeCheck check = checker.check(CodeSystem.ICD10CM, "S52.521B", DOS);
        assertEquals(CodeCheck.Status.INVALID_SEVENTH_CHARACTER, check.status(), "torus fractures are closed: no B");
        assertTrue(codes(check).contains("S52521A"));
    }

    @Test
    void shortCodeNeedsPlaceholderXBeforeTheSeventhCharacter() {
        CodeCheck missingX = checker.check(CodeSystem.ICD10CM, "T78.40A", DOS);
        assertEquals(CodeCheck.Status.MISSING_PLACEHOLDER_X, missingX.status());
        assertEquals(List.of("T7840XA"), codes(missingX));
        CodeCheck missingBoth = checker.check(CodeSystem.ICD10CM, "T78.40", DOS);
        assertEquals(CodeCheck.Status.MISSING_SEVENTH_CHARACTER, missingBoth.status());
        assertEquals(List.of("T7840XA", "T7840XD", "T7840XS"), codes(missingBoth));
    }

    @Test
    void malformedUnknownAndOutOfDateCodesAreToldApart() {
        assertEquals(CodeCheck.Status.MALFORMED, checker.check(CodeSystem.ICD10CM, "E11-9!", DOS).status());
        assertEquals(CodeCheck.Status.MALFORMED, checker.check(CodeSystem.ICD10CM, null, DOS).status());
        CodeCheck unknown = checker.check(CodeSystem.ICD10CM, "E11.99", DOS);
        assertEquals(CodeCheck.Status.UNKNOWN, unknown.status());
        assertEquals(List.of("E119"), codes(unknown), "the nearest known code is offered");
        assertEquals(CodeCheck.Status.NOT_EFFECTIVE,
                checker.check(CodeSystem.ICD10CM, "E11.9", LocalDate.of(2024, 9, 30)).status(),
                "before the release in force, the code is out of date, not unknown");
        assertEquals(CodeCheck.Status.MALFORMED, checker.check(CodeSystem.CPT, "9921", DOS).status());
        assertEquals(CodeCheck.Status.VALID, checker.check(CodeSystem.CPT, "99213", DOS).status());
        assertEquals(CodeCheck.Status.VALID, checker.check(CodeSystem.HCPCS, "G0439", DOS).status());
    }

    @Test
    void aNewFiscalYearReleaseClosesThePreviousOneOnThirtySeptember() {
        CodeSet set = new CodeSet(CodeSystem.ICD10CM);
        set.add(new CodeSetRelease(CodeSystem.ICD10CM, "FY2025", LocalDate.of(2024, 10, 1), null),
                List.of(CodeEntry.of(CodeSystem.ICD10CM, "E119", true, "x", "x"), CodeEntry.of(CodeSystem.ICD10CM, "J4481", true, "y", "y")));
        set.add(new CodeSetRelease(CodeSystem.ICD10CM, "FY2026", LocalDate.of(2025, 10, 1), null),
                List.of(CodeEntry.of(CodeSystem.ICD10CM, "E119", true, "x", "x")));
        assertEquals(LocalDate.of(2025, 9, 30), set.releases().get(0).effectiveThrough());
        assertTrue(set.lookup("J4481", LocalDate.of(2025, 9, 30)).isPresent());
        assertTrue(set.lookup("J4481", LocalDate.of(2025, 10, 1)).isEmpty());
        assertTrue(set.lookup("E119", LocalDate.of(2025, 10, 1)).isPresent());
        assertEquals("FY2026", set.releaseOn(LocalDate.of(2026, 1, 1)).orElseThrow().version());
    }

    @Test
    void realCmsLinesSupportPlaceholderAndValidityChecks() throws Exception {
        var sample = Fixtures.cmsOrderFileSample();
        assumeTrue(sample.isPresent(), "CMS sample lines not present in this checkout");
        CodeSets sets = new CodeSets();
        try (BufferedReader in = Files.newBufferedReader(sample.get())) {
            new CodeSetImporter(sets).load(CodeSetImporter.Kind.ICD10CM_ORDER, "sample", in, LocalDate.of(2025, 4, 1), "FY2025-April");
        }
        CodeChecker real = new CodeChecker(sets);
        assertEquals(CodeCheck.Status.VALID, real.check(CodeSystem.ICD10CM, "E11.37X1", DOS).status());
        assertEquals(List.of("E1137X1"), codes(real.check(CodeSystem.ICD10CM, "E11.371", DOS)));
        assertEquals(CodeCheck.Status.HEADER, real.check(CodeSystem.ICD10CM, "J44", DOS).status());
        assertEquals(CodeCheck.Status.VALID, real.check(CodeSystem.ICD10CM, "J44.81", DOS).status());
        assertEquals(CodeCheck.Status.NOT_EFFECTIVE, real.check(CodeSystem.ICD10CM, "I10", LocalDate.of(2025, 3, 31)).status());
    }

    private static List<String> codes(CodeCheck check) {
        return check.suggestions().stream().map(CodeEntry::code).toList();
    }
}
