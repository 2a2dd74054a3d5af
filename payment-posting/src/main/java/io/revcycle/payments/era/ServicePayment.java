package io.revcycle.payments.era;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One SVC loop (2110): a service line as the payer adjudicated it.
 *
 * @param segmentPosition    position of the SVC segment in the file (1-based)
 * @param procedureQualifier SVC01-1 (HC procedure, NU revenue code, AD...)
 * @param procedureCode      SVC01-2
 * @param modifiers          SVC01-3..6
 * @param charge             SVC02
 * @param paid               SVC03
 * @param revenueCode        SVC04, institutional lines
 * @param units              SVC05 paid units, when sent
 * @param serviceDate        DTM*472 (or DTM*150 for a range)
 * @param adjustments        line CAS adjustments
 * @param lineControlNumber  REF*6R: the line id we sent on the claim
 * @param allowed            AMT*B6 allowed amount, when sent
 * @param remarkCodes        LQ*HE remittance advice remark codes (RARC)
 */
public record ServicePayment(int segmentPosition, String procedureQualifier, String procedureCode,
                             List<String> modifiers, BigDecimal charge, BigDecimal paid, String revenueCode,
                             BigDecimal units, LocalDate serviceDate, List<CasAdjustment> adjustments,
                             String lineControlNumber, BigDecimal allowed, List<String> remarkCodes) {
}
