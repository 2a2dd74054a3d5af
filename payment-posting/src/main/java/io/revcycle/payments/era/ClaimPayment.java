package io.revcycle.payments.era;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One CLP loop (2100): what the payer decided on one of our claims.
 *
 * @param segmentPosition         position of the CLP segment in the file (1-based)
 * @param headerNumber            LX01 of the enclosing header loop, 0 when the ERA has no LX
 * @param patientControlNumber    CLP01: our claim id as sent in CLM01
 * @param statusCode              CLP02 (1 primary, 2 secondary, 3 tertiary, 4 denied, 22 reversal...)
 * @param charge                  CLP03
 * @param paid                    CLP04
 * @param patientResponsibility   CLP05, when sent
 * @param filingIndicator         CLP06
 * @param payerClaimControlNumber CLP07: the payer's claim number, needed for corrections and appeals
 * @param facilityTypeCode        CLP08
 * @param frequencyCode           CLP09
 * @param adjustments             claim-level CAS adjustments
 * @param parties                 NM1 segments of the claim loop, without names
 * @param remarkCodes             RARCs from MIA / MOA
 * @param statementFrom           DTM*232
 * @param statementTo             DTM*233
 * @param amounts                 AMT by qualifier (AU coverage, I interest, D8 discount...)
 * @param quantities              QTY by qualifier
 * @param lines                   SVC loops
 */
public record ClaimPayment(int segmentPosition, int headerNumber, String patientControlNumber, String statusCode,
                           BigDecimal charge, BigDecimal paid, BigDecimal patientResponsibility,
                           String filingIndicator, String payerClaimControlNumber, String facilityTypeCode,
                           String frequencyCode, List<CasAdjustment> adjustments, List<ClaimParty> parties,
                           List<String> remarkCodes, LocalDate statementFrom, LocalDate statementTo,
                           Map<String, BigDecimal> amounts, Map<String, BigDecimal> quantities,
                           List<ServicePayment> lines) {

    /** CLP02 of a reversal of an earlier payment. */
    public static final String REVERSAL = "22";

    /** True when this CLP takes back an earlier payment. */
    public boolean isReversal() {
        return REVERSAL.equals(statusCode);
    }
}
