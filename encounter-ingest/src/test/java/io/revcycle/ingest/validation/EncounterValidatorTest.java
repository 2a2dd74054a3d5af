package io.revcycle.ingest.validation;

import io.revcycle.ingest.Fixtures;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EncounterValidatorTest {

    private static final String OFFICE_VISIT = Fixtures.text("json/office-visit.json");
    private final EncounterValidator validator =
            new EncounterValidator(Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC));

    private List<Problem> problemsOf(String json) {
        return validator.validate(Fixtures.submission(json));
    }

    private static boolean has(List<Problem> problems, Rule rule, String field) {
        return problems.stream().anyMatch(p -> p.rule() == rule && p.field().equals(field));
    }

    @Test
    void aCompleteOfficeVisitHasNoProblem() {
        assertEquals(List.of(), problemsOf(OFFICE_VISIT));
    }

    @Test
    void everyMissingRequiredFieldIsNamed() {
        List<Problem> problems = problemsOf(OFFICE_VISIT
                .replace("\"encounterId\": \"ENC-2026-110201\",", "")
                .replace("\"lastName\": \"Quintanilla\",", "")
                .replace("\"memberId\": \"BMH448812901\",", ""));
        assertTrue(has(problems, Rule.REQUIRED, "encounterId"));
        assertTrue(has(problems, Rule.REQUIRED, "patient.lastName"));
        assertTrue(has(problems, Rule.REQUIRED, "coverages[0].memberId"));
        assertEquals(3, problems.size());
    }

    @Test
    void aWrongNpiCheckDigitIsRefused() {
        List<Problem> problems = problemsOf(OFFICE_VISIT.replace("\"1234567893\"", "\"1234567890\""));
        assertEquals(List.of(new Problem(Rule.NPI_CHECK_DIGIT, "renderingProvider.npi",
                "check digit does not match (Luhn with prefix 80840)")), problems);
    }

    @Test
    void datesMustBeReadableNotInTheFutureAndInOrder() {
        assertTrue(has(problemsOf(OFFICE_VISIT.replace("\"serviceDateTo\": \"2026-11-02\"", "\"serviceDateTo\": \"11/02/2026\"")),
                Rule.FORMAT, "serviceDateTo"));
        assertTrue(has(problemsOf(OFFICE_VISIT.replace("\"serviceDateTo\": \"2026-11-02\"", "\"serviceDateTo\": \"2026-12-02\"")),
                Rule.DATE_IN_FUTURE, "serviceDateTo"));
        assertTrue(has(problemsOf(OFFICE_VISIT.replace("\"serviceDateTo\": \"2026-11-02\"", "\"serviceDateTo\": \"2026-11-01\"")),
                Rule.DATE_ORDER, "serviceDateTo"));
        assertTrue(has(problemsOf(OFFICE_VISIT.replace("1961-04-17", "2026-11-03")),
                Rule.BIRTH_AFTER_SERVICE, "patient.birthDate"));
    }

    @Test
    void administrativeSexMustBeAKnownSymbol() {
        assertTrue(has(problemsOf(OFFICE_VISIT.replace("\"FEMALE\"", "\"W\"")), Rule.UNKNOWN_VALUE, "patient.sex"));
        assertEquals(List.of(), problemsOf(OFFICE_VISIT.replace("\"FEMALE\"", "\"female\"")));
    }

    @Test
    void coverageIsRequiredUnlessTheEncounterIsSelfPay() {
        String uninsured = OFFICE_VISIT.replaceAll("(?s)\"coverages\": \\[.*?\\],", "\"coverages\": [],");
        assertTrue(has(problemsOf(uninsured), Rule.COVERAGE_REQUIRED, "coverages"));
        assertEquals(List.of(), problemsOf(uninsured.replace("\"selfPay\": false", "\"selfPay\": true")));
    }

    @Test
    void chargesMustBeExactToTheCentAndNotNegative() {
        List<Problem> fractional = problemsOf(OFFICE_VISIT.replace("42.50", "42.505"));
        assertTrue(has(fractional, Rule.CHARGE_PRECISION, "services[1].chargeAmount"));
        List<Problem> negative = problemsOf(OFFICE_VISIT.replace("42.50", "-42.50"));
        assertTrue(has(negative, Rule.CHARGE_NEGATIVE, "services[1].chargeAmount"));
        assertTrue(has(problemsOf(OFFICE_VISIT.replace("437.50", "437.00")), Rule.TOTAL_CHARGE, "totalCharge"));
    }

    @Test
    void codesMustHaveTheShapeOfTheirSystemAndUnitsBeAtLeastOne() {
        List<Problem> problems = problemsOf(OFFICE_VISIT
                .replace("\"E11.9\"", "\"250.00\"")
                .replace("\"99214\"", "\"9921\"")
                .replace("\"G0439\"", "\"99213\"")
                .replace("\"83036\", \"units\": 1", "\"83036\", \"units\": 0"));
        assertTrue(has(problems, Rule.CODE_FORMAT, "diagnoses[0].code"));
        assertTrue(has(problems, Rule.CODE_FORMAT, "services[0].code"));
        assertTrue(has(problems, Rule.CODE_FORMAT, "services[2].code"), "a CPT number declared HCPCS");
        assertTrue(has(problems, Rule.UNITS, "services[1].units"));
        assertEquals(4, problems.size());
    }

    @Test
    void cptCategoryTwoAndThreeCodesAreAccepted() {
        assertEquals(List.of(), problemsOf(OFFICE_VISIT.replace("\"83036\"", "\"3044F\"")));
    }

    @Test
    void serviceLinesMustPointToDocumentedDiagnoses() {
        assertTrue(has(problemsOf(OFFICE_VISIT.replace("\"diagnosisSequences\": [1, 2]", "\"diagnosisSequences\": [1, 3]")),
                Rule.REFERENCE, "services[0].diagnosisSequences[1]"));
    }

    @Test
    void messagesNameTheFieldButNeverItsContent() {
        List<Problem> problems = problemsOf(OFFICE_VISIT
                .replace("1961-04-17", "17/04/1961")
                .replace("\"FEMALE\"", "\"Quintanilla\"")
                .replace("\"1234567893\"", "\"1234567890\""));
        assertFalse(problems.isEmpty());
        for (Problem p : problems) {
            assertFalse(p.message().contains("1961"), p::toString);
            assertFalse(p.message().contains("Quintanilla"), p::toString);
            assertFalse(p.message().contains("1234567890"), p::toString);
        }
    }
}
