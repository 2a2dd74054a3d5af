package io.revcycle.coding.edits;

import io.revcycle.coding.codesets.CodeChecker;
import io.revcycle.coding.codesets.StarterCodeSets;
import io.revcycle.events.Code;
import io.revcycle.events.CodeSource;
import io.revcycle.events.CodeSystem;
import io.revcycle.events.QueryReason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.revcycle.coding.edits.Drafts.draft;
import static io.revcycle.coding.edits.Drafts.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The validity, billable and 7th-character edits, each owning its own verdicts. */
class CodeEditsTest {

    private final CodeChecker checker = new CodeChecker(StarterCodeSets.load());
    private final CodeValidityEdit validity = new CodeValidityEdit(checker);
    private final BillableCodeEdit billable = new BillableCodeEdit(checker);
    private final SeventhCharacterEdit seventh = new SeventhCharacterEdit(checker);

    @Test
    void validCodesPassEveryCodeEdit() {
        CodingDraft d = draft().dx("E11.9", "I10").line("99213", 1, 2).line("G0439").build();
        assertTrue(validity.check(d).isEmpty());
        assertTrue(billable.check(d).isEmpty());
        assertTrue(seventh.check(d).isEmpty());
    }

    @Test
    void validityNamesMalformedUnknownAndOutOfDateCodes() {
        CodingDraft d = draft().dx("E11.9", "E1*9", "E11.99").line("9921").line("G9999").build();
        List<EditFinding> findings = validity.check(d);
        assertEquals(List.of("MALFORMED_CODE", "UNKNOWN_CODE", "MALFORMED_CODE", "UNKNOWN_CODE"), rules(findings));
        assertEquals(QueryReason.INVALID_CODE, findings.get(0).reason());
        assertEquals("diagnoses[seq=2].code", findings.get(0).finding().getField());
        assertEquals(1, findings.get(2).finding().getLineNumber());
        assertEquals(List.of("E119"), findings.get(1).options().stream().map(Code::getValue).toList(),
                "an unknown code offers the nearest known one");
    }

    @Test
    void validityNamesACodeOutsideTheReleaseOfTheDateOfService() {
        CodingDraft before = new CodingDraft(java.time.LocalDate.of(2024, 9, 30), java.time.LocalDate.of(1970, 1, 1),
                io.revcycle.events.AdministrativeSex.MALE, io.revcycle.coding.codesets.CareSetting.PRACTITIONER, false,
                draft().dx("I10").build().diagnoses(), List.of(), List.of());
        assertEquals(List.of("CODE_NOT_EFFECTIVE"), rules(validity.check(before)));
    }

    @Test
    void codeOfTheWrongSystemIsUnsupportedNotUnknown() {
        CodingDraft d = draft().dx("I10").build();
        CodingDraft cptAsDiagnosis = new CodingDraft(d.serviceDate(), d.birthDate(), d.sex(), d.setting(), false,
                List.of(new DraftDiagnosis(1, CodeSystem.CPT, "99213", CodeSource.DOCUMENTED, null, null, null)),
                List.of(), List.of());
        List<EditFinding> findings = validity.check(cptAsDiagnosis);
        assertEquals(List.of("UNSUPPORTED_CODE_SYSTEM"), rules(findings));
        assertEquals(QueryReason.UNSUPPORTED_CODE, findings.get(0).reason());
    }

    @Test
    void billableEditRejectsHeadersAndOffersLeaves() {
        List<EditFinding> findings = billable.check(draft().dx("J44", "I10").build());
        assertEquals(List.of("HEADER_CODE"), rules(findings));
        List<String> options = findings.get(0).options().stream().map(Code::getValue).toList();
        assertTrue(options.containsAll(List.of("J440", "J441", "J449")), options.toString());
        assertTrue(validity.check(draft().dx("J44").build()).isEmpty(), "a header is not also reported as invalid");
    }

    @Test
    void seventhCharacterEditNamesMissingInvalidAndPlaceholderProblems() {
        CodingDraft d = draft().dx("S52.521", "S52.521B", "T78.40A", "S52.521A").build();
        List<EditFinding> findings = seventh.check(d);
        assertEquals(List.of("MISSING_SEVENTH_CHARACTER", "INVALID_SEVENTH_CHARACTER", "MISSING_PLACEHOLDER_X"), rules(findings));
        assertEquals("T7840XA", findings.get(2).options().get(0).getValue());
        assertTrue(billable.check(d).isEmpty(), "S52.521 is reported once, as a missing 7th character");
        assertTrue(validity.check(d).isEmpty());
    }
}
