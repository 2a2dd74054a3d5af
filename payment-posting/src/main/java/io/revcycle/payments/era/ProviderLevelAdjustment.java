package io.revcycle.payments.era;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One reason/amount pair of a PLB segment (a PLB carries up to six).
 *
 * @param segmentPosition  position of the PLB segment in the file (1-based)
 * @param elementPosition  PLB element holding the reason (3, 5, 7...), for error messages
 * @param providerId       PLB01
 * @param fiscalPeriodDate PLB02
 * @param reasonCode       adjustment reason (L6 interest, WO overpayment recovery, FB forward balance...)
 * @param referenceId      second component of the reason composite, when sent
 * @param amount           as sent: positive reduces the payment, negative increases it
 */
public record ProviderLevelAdjustment(int segmentPosition, int elementPosition, String providerId,
                                      LocalDate fiscalPeriodDate, String reasonCode, String referenceId,
                                      BigDecimal amount) {
}
