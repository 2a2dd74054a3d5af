package io.revcycle.deploy.dashboard.kpi;

import io.revcycle.events.ClaimState;
import io.revcycle.schemas.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A/R aging: what payers still owe on claims out of our hands (submitted, accepted, partly paid,
 * denied but not yet worked off), by payer and by age in days since first submission (date of
 * service when the submission is unknown), in the office's buckets 0–30, 31–60, 61–90, 91–120
 * and over 120 days.
 */
public final class ReceivablesAging {

    public static final List<String> BUCKETS = List.of("0-30", "31-60", "61-90", "91-120", "120+");
    private static final int[] BUCKET_LIMITS = {30, 60, 90, 120};
    private static final Set<ClaimState> OUTSTANDING = EnumSet.of(ClaimState.SUBMITTED, ClaimState.ACCEPTED,
            ClaimState.PARTIALLY_PAID, ClaimState.DENIED, ClaimState.APPEALED, ClaimState.CORRECTED);

    private ReceivablesAging() {
    }

    public static Result of(Collection<ClaimFacts> claims, LocalDate today) {
        Map<String, BigDecimal[]> byPayer = new TreeMap<>();
        Map<String, Long> claimsByPayer = new TreeMap<>();
        for (ClaimFacts claim : claims) {
            if (!OUTSTANDING.contains(claim.state()) || claim.balance().signum() <= 0) {
                continue;
            }
            LocalDate from = claim.firstSubmittedAt() != null
                    ? claim.firstSubmittedAt().atZone(ZoneOffset.UTC).toLocalDate()
                    : claim.serviceDateFrom();
            int bucket = bucket(ChronoUnit.DAYS.between(from, today));
            BigDecimal[] amounts = byPayer.computeIfAbsent(claim.payerId(), p -> zeros());
            amounts[bucket] = amounts[bucket].add(claim.balance());
            claimsByPayer.merge(claim.payerId(), 1L, Long::sum);
        }
        List<PayerAging> rows = new ArrayList<>();
        BigDecimal[] totals = zeros();
        byPayer.forEach((payer, amounts) -> {
            for (int i = 0; i < amounts.length; i++) {
                totals[i] = totals[i].add(amounts[i]);
            }
            rows.add(row(payer, claimsByPayer.get(payer), amounts));
        });
        long claimCount = claimsByPayer.values().stream().mapToLong(Long::longValue).sum();
        return new Result(BUCKETS, rows, row("ALL", claimCount, totals));
    }

    private static PayerAging row(String payer, long claims, BigDecimal[] amounts) {
        List<BigDecimal> buckets = new ArrayList<>();
        BigDecimal total = Money.ZERO;
        for (BigDecimal amount : amounts) {
            buckets.add(amount);
            total = total.add(amount);
        }
        return new PayerAging(payer, claims, Collections.unmodifiableList(buckets), total);
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] amounts = new BigDecimal[BUCKETS.size()];
        Arrays.fill(amounts, Money.ZERO);
        return amounts;
    }

    private static int bucket(long days) {
        for (int i = 0; i < BUCKET_LIMITS.length; i++) {
            if (days <= BUCKET_LIMITS[i]) {
                return i;
            }
        }
        return BUCKET_LIMITS.length;
    }

    /** Bucket names, one row per payer, and the total row. */
    public record Result(List<String> buckets, List<PayerAging> byPayer, PayerAging total) {
    }

    /** Outstanding amounts of one payer per bucket (in bucket order) and in all. */
    public record PayerAging(String payerId, long claims, List<BigDecimal> amounts, BigDecimal total) {
    }
}
