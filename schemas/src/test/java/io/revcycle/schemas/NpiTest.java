package io.revcycle.schemas;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpiTest {

    @Test
    void npisWithTheirLuhnCheckDigitAreValid() {
        assertTrue(Npi.isValid("1234567893"));
        assertTrue(Npi.isValid("1987654328"));
        assertEquals(3, Npi.checkDigit("123456789"));
    }

    @Test
    void aWrongCheckDigitOrAWrongShapeIsNot() {
        assertFalse(Npi.isValid("1234567890"));
        assertFalse(Npi.isValid("123456789"));
        assertFalse(Npi.isValid("12345678930"));
        assertFalse(Npi.isValid("12345A7893"));
        assertFalse(Npi.isValid(null));
        assertTrue(Npi.hasShape("1234567890"));
        assertThrows(IllegalArgumentException.class, () -> Npi.checkDigit("12345678"));
    }
}
