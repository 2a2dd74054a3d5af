package io.revcycle.coding.codesets;

/** The most units of a code one provider bills for one patient, and how the limit is counted. */
public record MueLimit(String code, int maxUnits, AdjudicationIndicator adjudication, String rationale) {

    /** MUE adjudication indicator. */
    public enum AdjudicationIndicator {
        /** 1: the limit applies to each claim line. */
        LINE,
        /** 2: the limit applies to the date of service, by policy (absolute). */
        DATE_OF_SERVICE_POLICY,
        /** 3: the limit applies to the date of service, on clinical grounds (appealable). */
        DATE_OF_SERVICE_CLINICAL;

        static AdjudicationIndicator of(String text) {
            String t = text.trim();
            return switch (t.isEmpty() ? ' ' : t.charAt(0)) {
                case '1' -> LINE;
                case '2' -> DATE_OF_SERVICE_POLICY;
                case '3' -> DATE_OF_SERVICE_CLINICAL;
                default -> throw new IllegalArgumentException("MUE adjudication indicator must start with 1, 2 or 3: " + text);
            };
        }

        /** True when units of every line of the code on the same date add up against the limit. */
        public boolean perDateOfService() {
            return this != LINE;
        }
    }
}
