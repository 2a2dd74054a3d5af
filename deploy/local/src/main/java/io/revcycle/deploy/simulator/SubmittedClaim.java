package io.revcycle.deploy.simulator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the payer reads from one 837 claim (one transaction set): enough to acknowledge,
 * adjudicate and remit it. Carries PHI (names, member id); it lives only in the simulator's files.
 *
 * @param interchangeControlNumber ISA13 of the 837 that carried it
 * @param institutional            837I (true) or 837P
 * @param claimId                  CLM01, our claim id, echoed as CLP01
 * @param facilityCode             CLM05-1: place of service (837P) or facility type (837I)
 * @param frequencyCode            CLM05-3: 1 original, 7 replacement, 8 void
 * @param filingIndicator          SBR09 claim filing indicator (MB, MA, MC, CI ...)
 * @param originalPayerClaimNumber REF*F8 of a replacement claim
 * @param priorAuthorization       REF*G1
 */
record SubmittedClaim(String interchangeControlNumber, String transactionSetControlNumber, boolean institutional,
                      String claimId, BigDecimal totalCharge, String facilityCode, String frequencyCode,
                      String filingIndicator, String payerId, String payerName, String memberId,
                      String subscriberLastName, String subscriberFirstName, String patientLastName,
                      String patientFirstName, String billingNpi, String billingName, String billingTaxId,
                      LocalDate serviceDateFrom, LocalDate serviceDateTo, String originalPayerClaimNumber,
                      String priorAuthorization, List<ServiceLine> lines) {

    SubmittedClaim {
        lines = List.copyOf(lines);
    }

    /** True for a replacement of an earlier claim (frequency 7). */
    boolean isReplacement() {
        return "7".equals(frequencyCode);
    }

    /** Sum of the line charges (CLM02 must equal it). */
    BigDecimal lineChargeTotal() {
        return lines.stream().map(ServiceLine::charge).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /**
     * One service line (loop 2400).
     *
     * @param qualifier     HC (CPT/HCPCS) or NU (revenue code only)
     * @param revenueCode   SV201 on 837I lines, else null
     * @param controlNumber REF*6R, echoed in the 835
     */
    record ServiceLine(int number, String qualifier, String code, List<String> modifiers, String revenueCode,
                       BigDecimal charge, BigDecimal units, LocalDate serviceDate, String controlNumber) {

        ServiceLine {
            modifiers = List.copyOf(modifiers);
        }
    }
}
