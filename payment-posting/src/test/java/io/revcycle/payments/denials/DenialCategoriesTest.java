package io.revcycle.payments.denials;

import io.revcycle.events.Adjustment;
import io.revcycle.events.AdjustmentGroup;
import io.revcycle.events.DenialCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DenialCategoriesTest {

    private final DenialCategories categories = new DenialCategories();

    private static Adjustment adjustment(AdjustmentGroup group, String carc, String amount) {
        return Adjustment.newBuilder().setGroup(group).setReasonCode(carc).setAmount(new BigDecimal(amount)).build();
    }

    @ParameterizedTest
    @CsvSource({"27,ELIGIBILITY", "31,ELIGIBILITY", "197,AUTHORIZATION", "15,AUTHORIZATION", "50,MEDICAL_NECESSITY",
            "4,CODING", "11,CODING", "18,DUPLICATE", "29,TIMELY_FILING", "16,MISSING_INFORMATION",
            "252,MISSING_INFORMATION", "96,NON_COVERED", "204,NON_COVERED", "22,COORDINATION_OF_BENEFITS",
            "999,OTHER"})
    void eachCarcFallsInOurCategory(String carc, DenialCategory expected) {
        assertEquals(expected, categories.classify(List.of(adjustment(AdjustmentGroup.CO, carc, "10.00"))));
    }

    @Test
    void largestClassifiedAmountDecidesTheCategory() {
        assertEquals(DenialCategory.MEDICAL_NECESSITY, categories.classify(List.of(
                adjustment(AdjustmentGroup.CO, "16", "20.00"), adjustment(AdjustmentGroup.CO, "50", "180.00"))));
    }

    @Test
    void contractualReductionAndPatientShareAreNotDenials() {
        assertFalse(categories.isDenial(adjustment(AdjustmentGroup.CO, "45", "10.00")));
        assertFalse(categories.isDenial(adjustment(AdjustmentGroup.PR, "1", "10.00")));
        assertTrue(categories.isDenial(adjustment(AdjustmentGroup.CO, "197", "10.00")));
        assertTrue(categories.isDenial(adjustment(AdjustmentGroup.OA, "18", "10.00")));
    }

    @Test
    void everyEntryHasOurOwnWording() {
        categories.table().forEach(entry -> assertFalse(entry.wording().isBlank(), entry.carc()));
    }

    @Test
    void appealDeadlineComesFromThePayerElseTheDefault() {
        AppealDeadlines deadlines = new AppealDeadlines(Map.of("acme01", 90), 60);
        assertEquals(LocalDate.of(2027, 2, 18), deadlines.deadline("ACME01", LocalDate.of(2026, 11, 20)));
        assertEquals(LocalDate.of(2027, 1, 19), deadlines.deadline("OTHER", LocalDate.of(2026, 11, 20)));
    }
}
