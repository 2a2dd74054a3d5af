package io.revcycle.payments.era;

import java.math.BigDecimal;

/**
 * One adjustment of a CAS segment: a CAS carries a group code and up to six reason/amount/quantity
 * triplets, each becomes one of these.
 *
 * @param group      CAS01 group code (CO, PR, OA, PI, CR)
 * @param reasonCode claim adjustment reason code (CARC) value
 * @param amount     positive reduces the payment
 * @param quantity   units adjusted, when sent
 */
public record CasAdjustment(String group, String reasonCode, BigDecimal amount, BigDecimal quantity) {
}
