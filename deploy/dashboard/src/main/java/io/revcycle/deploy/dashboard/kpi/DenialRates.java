package io.revcycle.deploy.dashboard.kpi;

import io.revcycle.events.Denial;
import io.revcycle.events.DenialCategory;
import io.revcycle.events.PaymentPosted;
import io.revcycle.schemas.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Denial rates. A claim is adjudicated once a payment posting or a denial names it; it is denied
 * when any denial names it. The overall and per-payer rates are denied claims over adjudicated
 * claims (of that payer); the per-category rate is claims denied in that category over all
 * adjudicated claims, so a claim denied for two reasons counts in both categories. Denied amounts
 * add up every denial, each once.
 */
public final class DenialRates {

    private final Map<String, String> adjudicatedPayer = new HashMap<>();
    private final Map<String, Denial> denials = new HashMap<>();

    public void record(PaymentPosted payment) {
        adjudicatedPayer.putIfAbsent(payment.getClaimId(), payment.getPayerId());
    }

    public void record(Denial denial) {
        adjudicatedPayer.putIfAbsent(denial.getClaimId(), denial.getPayerId());
        denials.put(denial.getDenialId(), denial);
    }

    public Result result() {
        long adjudicated = adjudicatedPayer.size();
        Map<DenialCategory, Set<String>> claimsByCategory = new EnumMap<>(DenialCategory.class);
        Map<DenialCategory, BigDecimal> amountByCategory = new EnumMap<>(DenialCategory.class);
        Map<String, Set<String>> deniedByPayer = new TreeMap<>();
        Map<String, BigDecimal> amountByPayer = new HashMap<>();
        Set<String> deniedClaims = new HashSet<>();
        for (Denial denial : denials.values()) {
            deniedClaims.add(denial.getClaimId());
            claimsByCategory.computeIfAbsent(denial.getCategory(), c -> new HashSet<>()).add(denial.getClaimId());
            amountByCategory.merge(denial.getCategory(), denial.getDeniedAmount(), BigDecimal::add);
            deniedByPayer.computeIfAbsent(denial.getPayerId(), p -> new HashSet<>()).add(denial.getClaimId());
            amountByPayer.merge(denial.getPayerId(), denial.getDeniedAmount(), BigDecimal::add);
        }
        List<CategoryRate> byCategory = new ArrayList<>();
        claimsByCategory.forEach((category, claims) -> byCategory.add(new CategoryRate(category.name(),
                Ratio.of(claims.size(), adjudicated), amountByCategory.get(category))));
        byCategory.sort(Comparator.comparingLong((CategoryRate c) -> c.rate().numerator()).reversed()
                .thenComparing(CategoryRate::category));

        Map<String, Long> adjudicatedByPayer = new TreeMap<>();
        adjudicatedPayer.values().forEach(payer -> adjudicatedByPayer.merge(payer, 1L, Long::sum));
        List<PayerRate> byPayer = new ArrayList<>();
        adjudicatedByPayer.forEach((payer, count) -> byPayer.add(new PayerRate(payer,
                Ratio.of(deniedByPayer.getOrDefault(payer, Set.of()).size(), count),
                amountByPayer.getOrDefault(payer, Money.ZERO))));
        return new Result(Ratio.of(deniedClaims.size(), adjudicated), byCategory, byPayer);
    }

    /** The overall rate and its breakdowns. */
    public record Result(Ratio overall, List<CategoryRate> byCategory, List<PayerRate> byPayer) {
    }

    /** Claims denied in one category, over all adjudicated claims. */
    public record CategoryRate(String category, Ratio rate, BigDecimal deniedAmount) {
    }

    /** Denied claims of one payer over that payer's adjudicated claims. */
    public record PayerRate(String payerId, Ratio rate, BigDecimal deniedAmount) {
    }
}
