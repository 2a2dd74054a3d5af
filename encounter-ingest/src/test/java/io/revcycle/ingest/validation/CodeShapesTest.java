package io.revcycle.ingest.validation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeShapesTest {

    @Test
    void icd10CmIsALetterTwoCharactersAndUpToFourMoreWithOrWithoutTheDot() {
        assertTrue(CodeShapes.isIcd10Cm("E11.9"));
        assertTrue(CodeShapes.isIcd10Cm("E119"));
        assertTrue(CodeShapes.isIcd10Cm("S52.521A"));
        assertTrue(CodeShapes.isIcd10Cm("I10"));
        assertFalse(CodeShapes.isIcd10Cm("U07.1X"), "U is reserved and not in the shape we accept");
        assertFalse(CodeShapes.isIcd10Cm("250.00"), "ICD-9 is refused");
        assertFalse(CodeShapes.isIcd10Cm("E11.91234"));
    }

    @Test
    void cptIsFiveDigitsOrFourDigitsAndFOrT() {
        assertTrue(CodeShapes.isCpt("99213"));
        assertTrue(CodeShapes.isCpt("3074F"));
        assertTrue(CodeShapes.isCpt("0042T"));
        assertFalse(CodeShapes.isCpt("9921"));
        assertFalse(CodeShapes.isCpt("99213A"));
    }

    @Test
    void hcpcsIsALetterAndFourDigits() {
        assertTrue(CodeShapes.isHcpcs("J1100"));
        assertTrue(CodeShapes.isHcpcs("G0439"));
        assertFalse(CodeShapes.isHcpcs("99213"));
        assertFalse(CodeShapes.isHcpcs("J110"));
    }

    @Test
    void icd10ValuesAreStoredUpperCaseWithoutTheDot() {
        assertEquals("E119", CodeShapes.icd10Value(" e11.9 "));
    }
}
