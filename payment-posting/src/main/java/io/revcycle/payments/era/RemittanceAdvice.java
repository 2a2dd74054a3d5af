package io.revcycle.payments.era;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One 835 transaction set (ST..SE): one payment from one payer to one payee.
 *
 * @param sourceFile          the file (or upload) it came from
 * @param segmentPosition     position of the ST segment in the file (1-based)
 * @param controlNumber       ST02
 * @param handlingCode        BPR01 (I remittance with payment, H notification only...)
 * @param totalPaid           BPR02
 * @param creditDebit         BPR03 (C credit, D debit)
 * @param paymentMethod       BPR04 (ACH, CHK, NON, FWT, BOP)
 * @param paymentDate         BPR16
 * @param traceNumber         TRN02 check or EFT trace number
 * @param originatorId        TRN03
 * @param payerId             N1*PR identifier (N104), else REF*2U, else TRN03
 * @param payerName           N1*PR N102
 * @param payeeName           N1*PE N102
 * @param payeeNpi            N1*PE N104 when N103 is XX
 * @param payeeTaxId          N1*PE N104 when N103 is FI, or REF*TJ
 * @param productionDate      DTM*405
 * @param claims              CLP loops in file order
 * @param providerAdjustments PLB pairs in file order
 */
public record RemittanceAdvice(String sourceFile, int segmentPosition, String controlNumber, String handlingCode,
                               BigDecimal totalPaid, String creditDebit, String paymentMethod, LocalDate paymentDate,
                               String traceNumber, String originatorId, String payerId, String payerName,
                               String payeeName, String payeeNpi, String payeeTaxId, LocalDate productionDate,
                               List<ClaimPayment> claims, List<ProviderLevelAdjustment> providerAdjustments) {

    /** Payer id + trace number: identifies one ERA; receiving it again is a duplicate. */
    public String remittanceId() {
        return payerId + ":" + traceNumber;
    }
}
