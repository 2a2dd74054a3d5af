package io.revcycle.payments.receivables;

import io.revcycle.events.Claim;
import io.revcycle.events.ClaimState;
import io.revcycle.events.PaymentPosted;
import io.revcycle.schemas.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Claim balances, A/R aging by payer and deposit reconciliation, from claims and their postings. */
public final class ReceivablesBook {

    /** Age buckets in days, upper bounds inclusive; the last has none. */
    public static final List<String> BUCKETS = List.of("0-30", "31-60", "61-90", "91-120", "120+");

    /** States in which a claim is still owed by a payer. */
    private static final Set<ClaimState> OPEN = Set.of(ClaimState.SUBMITTED, ClaimState.ACCEPTED,
            ClaimState.PARTIALLY_PAID, ClaimState.DENIED, ClaimState.APPEALED, ClaimState.CORRECTED);

    /** A claim and its latest posting (null when nothing was posted). */
    public record Entry(Claim claim, PaymentPosted lastPosting) {
    }

    public ClaimBalance balance(Claim claim, PaymentPosted last) {
        ClaimState state = last != null ? last.getClaimState() : claim.getState();
        BigDecimal outstanding;
        if (last == null) {
            outstanding = claim.getTotalCharge();
        } else if (state == ClaimState.DENIED) {
            // denied money stays open while it is worked (appeal, corrected claim) until written off
            outstanding = Money.of(last.getChargeAmount().subtract(last.getPaidAmount())
                    .subtract(last.getPatientResponsibility().getTotal()));
        } else {
            outstanding = last.getBalanceAfter();
        }
        LocalDate agedFrom = claim.getSubmission() != null
                ? claim.getSubmission().getSubmittedAt().atZone(ZoneOffset.UTC).toLocalDate()
                : claim.getServiceDateFrom();
        return new ClaimBalance(claim.getClaimId(), claim.getCoverage().getPayerId(), state.name(),
                claim.getTotalCharge(), last != null ? last.getPaidAmount() : Money.ZERO,
                last != null ? last.getPatientResponsibility().getTotal() : Money.ZERO, outstanding, agedFrom,
                last != null ? last.getPostingId() : null);
    }

    /** The bucket of a claim aged {@code days}. */
    public static String bucket(long days) {
        if (days <= 30) {
            return BUCKETS.get(0);
        } else if (days <= 60) {
            return BUCKETS.get(1);
        } else if (days <= 90) {
            return BUCKETS.get(2);
        } else if (days <= 120) {
            return BUCKETS.get(3);
        }
        return BUCKETS.get(4);
    }

    /** Open receivables by payer and age bucket as of a date, payers in id order. */
    public List<PayerAging> aging(Iterable<Entry> entries, LocalDate asOf) {
        Map<String, Map<String, BigDecimal>> byPayer = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (Entry entry : entries) {
            ClaimBalance balance = balance(entry.claim(), entry.lastPosting());
            if (!OPEN.contains(ClaimState.valueOf(balance.state())) || balance.outstanding().signum() <= 0) {
                continue;
            }
            Map<String, BigDecimal> buckets = byPayer.computeIfAbsent(balance.payerId(), p -> emptyBuckets());
            buckets.merge(bucket(ChronoUnit.DAYS.between(balance.agedFrom(), asOf)), balance.outstanding(),
                    BigDecimal::add);
            counts.merge(balance.payerId(), 1, Integer::sum);
        }
        List<PayerAging> aging = new ArrayList<>();
        byPayer.forEach((payer, buckets) -> aging.add(new PayerAging(payer, buckets, counts.get(payer),
                Money.sum(buckets.values()))));
        return aging;
    }

    private static Map<String, BigDecimal> emptyBuckets() {
        Map<String, BigDecimal> buckets = new LinkedHashMap<>();
        BUCKETS.forEach(b -> buckets.put(b, Money.ZERO));
        return buckets;
    }

    /** Compares an ERA's deposit with what was posted from it. */
    public DepositReconciliation reconcile(DepositTally tally, BigDecimal providerAdjustments) {
        BigDecimal plb = providerAdjustments != null ? providerAdjustments : Money.ZERO;
        BigDecimal difference = Money.of(tally.bprAmount().subtract(tally.postedPaid().subtract(plb)));
        return new DepositReconciliation(tally.remittanceId(), tally.traceNumber(), tally.payerId(),
                tally.paymentDate(), tally.bprAmount(), Money.of(tally.postedPaid()), Money.of(plb), difference,
                tally.postings(), difference.signum() == 0);
    }
}
