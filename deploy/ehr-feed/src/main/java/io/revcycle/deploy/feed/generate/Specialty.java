package io.revcycle.deploy.feed.generate;

/** The kinds of care in the generated mix, with their default share (relative weights). */
public enum Specialty {
    /** Office visits 99202–99215 with labs, at a clinic. */
    PRIMARY_CARE(28),
    /** Office visits with an ECG for hypertension, atrial fibrillation, chest pain. */
    CARDIOLOGY(9),
    /** Type 2 diabetes follow-up with an A1c. */
    ENDOCRINE(9),
    /** COPD and asthma with chest x-ray and nebulizer treatment. */
    RESPIRATORY(8),
    /** Distal radius fractures: fracture care or a splint, with laterality modifiers. */
    ORTHOPEDICS(6),
    /** Prenatal visits with pregnancy supervision codes. */
    PRENATAL(7),
    /** Newborn birth stays at the hospital (institutional). */
    NEWBORN(3),
    /** Wellness visits and flu vaccination. */
    SCREENING(10),
    /** Emergency department visits 99281–99285 at the hospital (institutional). */
    EMERGENCY(15),
    /** Inpatient stays: COPD exacerbation, knee replacement (institutional). */
    INPATIENT(5);

    private final int weight;

    Specialty(int weight) {
        this.weight = weight;
    }

    public int defaultWeight() {
        return weight;
    }
}
