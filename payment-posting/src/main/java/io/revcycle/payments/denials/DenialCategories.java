package io.revcycle.payments.denials;

import io.revcycle.events.Adjustment;
import io.revcycle.events.AdjustmentGroup;
import io.revcycle.events.DenialCategory;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Our own mapping of claim adjustment reason codes (CARC values) to the denial categories the
 * follow-up team works by, with our own short wording. The official CARC texts belong to X12 and
 * are loaded by the customer if wanted; only code values appear here.
 */
public final class DenialCategories {

    /** One CARC value we classify, with our wording. */
    public record Entry(String carc, DenialCategory category, String wording) {
    }

    /** CARC values that reduce a payment without denying anything (fee schedule, sequestration, prior payer). */
    private static final List<String> NOT_DENIALS = List.of("45", "253", "23", "94");

    private static final List<Entry> TABLE = List.of(
            new Entry("26", DenialCategory.ELIGIBILITY, "service before coverage started"),
            new Entry("27", DenialCategory.ELIGIBILITY, "service after coverage ended"),
            new Entry("31", DenialCategory.ELIGIBILITY, "payer cannot identify the patient as its member"),
            new Entry("177", DenialCategory.ELIGIBILITY, "patient did not meet eligibility rules"),
            new Entry("15", DenialCategory.AUTHORIZATION, "authorization number missing or wrong"),
            new Entry("62", DenialCategory.AUTHORIZATION, "payment withheld pending authorization"),
            new Entry("197", DenialCategory.AUTHORIZATION, "no precertification or authorization on file"),
            new Entry("198", DenialCategory.AUTHORIZATION, "authorized amount or visits exceeded"),
            new Entry("50", DenialCategory.MEDICAL_NECESSITY, "payer judged the service not medically necessary"),
            new Entry("55", DenialCategory.MEDICAL_NECESSITY, "payer considers the service experimental"),
            new Entry("167", DenialCategory.MEDICAL_NECESSITY, "diagnosis does not support the service"),
            new Entry("4", DenialCategory.CODING, "modifier missing or inconsistent with the procedure"),
            new Entry("11", DenialCategory.CODING, "diagnosis inconsistent with the procedure"),
            new Entry("5", DenialCategory.CODING, "procedure inconsistent with the place of service"),
            new Entry("6", DenialCategory.CODING, "procedure inconsistent with the patient's age"),
            new Entry("7", DenialCategory.CODING, "procedure inconsistent with the patient's sex"),
            new Entry("97", DenialCategory.CODING, "paid as part of another service (bundled)"),
            new Entry("18", DenialCategory.DUPLICATE, "same claim or service already adjudicated"),
            new Entry("29", DenialCategory.TIMELY_FILING, "filed after the payer's time limit"),
            new Entry("16", DenialCategory.MISSING_INFORMATION, "claim lacks information needed to adjudicate"),
            new Entry("252", DenialCategory.MISSING_INFORMATION, "attachment or documentation required"),
            new Entry("226", DenialCategory.MISSING_INFORMATION, "information requested from the provider not received"),
            new Entry("96", DenialCategory.NON_COVERED, "service not covered"),
            new Entry("204", DenialCategory.NON_COVERED, "service not covered by the patient's benefit plan"),
            new Entry("49", DenialCategory.NON_COVERED, "routine or preventive service not covered"),
            new Entry("22", DenialCategory.COORDINATION_OF_BENEFITS, "another payer may be primary"),
            new Entry("109", DenialCategory.COORDINATION_OF_BENEFITS, "claim belongs to another payer"));

    private static final Map<String, Entry> BY_CARC = new HashMap<>();

    static {
        TABLE.forEach(entry -> BY_CARC.put(entry.carc(), entry));
    }

    /** Our entry for a CARC value, if we classify it. */
    public Optional<Entry> entry(String carc) {
        return Optional.ofNullable(BY_CARC.get(carc));
    }

    /** The whole table, for documentation and the follow-up screens. */
    public List<Entry> table() {
        return TABLE;
    }

    /**
     * True when the adjustment denies money rather than reducing it by contract or moving it to the
     * patient: any non-PR group whose CARC is not a plain contractual reduction.
     */
    public boolean isDenial(Adjustment adjustment) {
        return adjustment.getGroup() != AdjustmentGroup.PR && !NOT_DENIALS.contains(adjustment.getReasonCode());
    }

    /**
     * The category of a set of denial adjustments: the category of the largest classified amount,
     * {@link DenialCategory#OTHER} when no CARC is in our table.
     */
    public DenialCategory classify(List<Adjustment> denials) {
        DenialCategory best = DenialCategory.OTHER;
        BigDecimal largest = null;
        for (Adjustment adjustment : denials) {
            Entry entry = BY_CARC.get(adjustment.getReasonCode());
            if (entry != null && (largest == null || adjustment.getAmount().abs().compareTo(largest) > 0)) {
                best = entry.category();
                largest = adjustment.getAmount().abs();
            }
        }
        return best;
    }
}
