package io.revcycle.ingest.validation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NationalProviderIdentifierTest {

    @Test
    void acceptsNpisWhoseLastDigitIsTheLuhnCheckDigitWithThe80840Prefix() {
        assertTrue(NationalProviderIdentifier.isValid("1234567893"));
        assertTrue(NationalProviderIdentifier.isValid("1987654328"));
    }

    @Test
    void refusesAWrongCheckDigitAndWrongShapes() {
        assertFalse(NationalProviderIdentifier.isValid("1234567890"));
        assertFalse(NationalProviderIdentifier.isValid("123456789"));
        assertFalse(NationalProviderIdentifier.isValid("12345678930"));
        assertFalse(NationalProviderIdentifier.isValid("12345A7893"));
        assertFalse(NationalProviderIdentifier.isValid(null));
    }
}
