package io.revcycle.deploy.simulator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One 835 transaction set: one payment (or notice) from one payer to one payee, its claims and its
 * provider-level adjustments. {@link #totalPaid()} is BPR02 = sum of CLP04 − sum of PLB amounts.
 *
 * @param payerId   N1*PR N104
 * @param payeeNpi  N1*PE N104 (XX)
 * @param payeeTaxId REF*TJ
 */
record Remittance(String payerId, String payerName, String payerTaxId, String payeeName, String payeeNpi,
                  String payeeTaxId, String traceNumber, LocalDate paymentDate, List<ClaimAdjudication> claims,
                  List<ProviderAdjustment> providerAdjustments) {

    Remittance {
        claims = List.copyOf(claims);
        providerAdjustments = List.copyOf(providerAdjustments);
    }

    /**
     * A provider-level adjustment (one PLB adjustment): a negative amount raises the payment
     * (interest L6), a positive one lowers it.
     */
    record ProviderAdjustment(String reasonCode, String reference, BigDecimal amount) {
    }

    /**
     * The same remittance made payable: when reversals outweigh payments, the shortfall is carried
     * as a forward balance (PLB FB) so BPR02 is zero rather than negative.
     */
    Remittance payable() {
        BigDecimal total = totalPaid();
        if (total.signum() >= 0) {
            return this;
        }
        List<ProviderAdjustment> adjustments = new ArrayList<>(providerAdjustments);
        adjustments.add(new ProviderAdjustment("FB", traceNumber, total));
        return new Remittance(payerId, payerName, payerTaxId, payeeName, payeeNpi, payeeTaxId, traceNumber, paymentDate,
                claims, adjustments);
    }

    BigDecimal totalPaid() {
        BigDecimal paid = claims.stream().map(ClaimAdjudication::paid).reduce(Money.ZERO, BigDecimal::add);
        BigDecimal adjustments = providerAdjustments.stream().map(ProviderAdjustment::amount).reduce(Money.ZERO, BigDecimal::add);
        return paid.subtract(adjustments);
    }
}
