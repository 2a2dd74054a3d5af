package io.revcycle.ingest.validation;

/** Stable names of the input rules, published in rejection findings. */
public enum Rule {
    /** The input cannot be read at all (syntax, encoding, wrong document type). */
    SYNTAX,
    /** A required field is missing or blank. */
    REQUIRED,
    /** A value does not have the expected shape (date, digits, length). */
    FORMAT,
    /** A value is not one of the allowed symbols. */
    UNKNOWN_VALUE,
    /** The NPI's last digit does not match its Luhn check digit (80840 prefix). */
    NPI_CHECK_DIGIT,
    /** A date lies after today. */
    DATE_IN_FUTURE,
    /** An end date lies before its start date. */
    DATE_ORDER,
    /** The patient was born after the service. */
    BIRTH_AFTER_SERVICE,
    /** A service date lies outside the encounter's dates. */
    SERVICE_DATE_OUTSIDE_ENCOUNTER,
    /** An insured encounter has no coverage. */
    COVERAGE_REQUIRED,
    /** A charge has fractions of a cent or exceeds the largest amount. */
    CHARGE_PRECISION,
    /** A charge is negative. */
    CHARGE_NEGATIVE,
    /** The stated total differs from the sum of the charges. */
    TOTAL_CHARGE,
    /** A code does not have the shape of its code system. */
    CODE_FORMAT,
    /** Units are missing or below one. */
    UNITS,
    /** A reference points to nothing (a diagnosis sequence, a resource). */
    REFERENCE
}
