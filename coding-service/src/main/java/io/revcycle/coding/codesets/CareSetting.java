package io.revcycle.coding.codesets;

/** NCCI and MUE tables come per setting: practitioner claims and outpatient hospital claims. */
public enum CareSetting {
    PRACTITIONER,
    OUTPATIENT_HOSPITAL
}
