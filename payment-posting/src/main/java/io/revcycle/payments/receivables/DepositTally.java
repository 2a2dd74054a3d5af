package io.revcycle.payments.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What has been posted against one ERA payment (one TRN): its BPR amount and the claim payments
 * posted so far. Kept per partition (claims of one ERA spread over partitions) and summed on query.
 *
 * @param remittanceId  payer id + trace number
 * @param traceNumber   TRN02
 * @param payerId       payer
 * @param paymentDate   BPR16
 * @param bprAmount     BPR02 of the transaction
 * @param postedPaid    sum of the paid amounts posted (reversals negative)
 * @param postings      number of postings
 */
public record DepositTally(String remittanceId, String traceNumber, String payerId, LocalDate paymentDate,
                           BigDecimal bprAmount, BigDecimal postedPaid, int postings) {

    private static final String SEPARATOR = "|";

    /** This tally with one more posting. */
    public DepositTally plus(BigDecimal paid) {
        return new DepositTally(remittanceId, traceNumber, payerId, paymentDate, bprAmount, postedPaid.add(paid),
                postings + 1);
    }

    /** Two partial tallies of the same ERA from different partitions. */
    public DepositTally merge(DepositTally other) {
        return new DepositTally(remittanceId, traceNumber, payerId, paymentDate, bprAmount,
                postedPaid.add(other.postedPaid), postings + other.postings);
    }

    /** The store's text form; the tally holds no PHI and needs no schema. */
    public String encode() {
        return String.join(SEPARATOR, remittanceId, traceNumber, payerId, paymentDate.toString(),
                bprAmount.toPlainString(), postedPaid.toPlainString(), Integer.toString(postings));
    }

    public static DepositTally decode(String text) {
        String[] f = text.split("\\|", -1);
        return new DepositTally(f[0], f[1], f[2], LocalDate.parse(f[3]), new BigDecimal(f[4]), new BigDecimal(f[5]),
                Integer.parseInt(f[6]));
    }
}
