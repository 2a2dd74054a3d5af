package io.revcycle.deploy.feed.generate;

/**
 * The simulated payers the feed bills; their ids are the ones the payer simulator answers for.
 *
 * @param claimFilingIndicator X12 claim filing indicator (HL7 IN1-15 plan type)
 * @param sourceOfPayment      Source of Payment Typology code (FHIR Coverage.type)
 */
public enum Payer {
    MEDICARE("SIM-MEDICARE", "Simulated Medicare", "MEDICARE", "Medicare Part B", "MB", "1"),
    COMMERCIAL_PPO("SIM-PPO", "Simulated Commercial PPO", "COMMERCIAL", "Choice PPO", "CI", "5"),
    MEDICAID("SIM-MEDICAID", "Simulated Medicaid", "MEDICAID", "State Medicaid", "MC", "2");

    private final String payerId;
    private final String payerName;
    private final String financialClass;
    private final String planName;
    private final String claimFilingIndicator;
    private final String sourceOfPayment;

    Payer(String payerId, String payerName, String financialClass, String planName,
          String claimFilingIndicator, String sourceOfPayment) {
        this.payerId = payerId;
        this.payerName = payerName;
        this.financialClass = financialClass;
        this.planName = planName;
        this.claimFilingIndicator = claimFilingIndicator;
        this.sourceOfPayment = sourceOfPayment;
    }

    public String payerId() {
        return payerId;
    }

    public String payerName() {
        return payerName;
    }

    public String financialClass() {
        return financialClass;
    }

    public String planName() {
        return planName;
    }

    public String claimFilingIndicator() {
        return claimFilingIndicator;
    }

    public String sourceOfPayment() {
        return sourceOfPayment;
    }
}
