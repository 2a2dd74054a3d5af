package io.revcycle.deploy.dashboard.kpi;

import io.revcycle.events.PaymentPosted;
import io.revcycle.events.PostingType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Days from a claim's first submission to the first posting that paid money on it (reversals and
 * zero payments, i.e. denials, do not count). Average and median in days to one decimal, and how
 * many claims fall in each band of whole days.
 */
public final class DaysToPayment {

    /** Upper bounds (inclusive, whole days) of the bands; the last band is open. */
    private static final int[] BAND_LIMITS = {7, 14, 30, 60};
    private static final List<String> BANDS = List.of("0-7", "8-14", "15-30", "31-60", "60+");
    private static final BigDecimal MILLIS_PER_DAY = BigDecimal.valueOf(Duration.ofDays(1).toMillis());

    private final Map<String, Instant> firstPaidAt = new HashMap<>();

    public void record(PaymentPosted payment) {
        if (payment.getPostingType() == PostingType.REVERSAL || payment.getPaidAmount().signum() <= 0) {
            return;
        }
        firstPaidAt.merge(payment.getClaimId(), payment.getPostedAt(), (a, b) -> a.isBefore(b) ? a : b);
    }

    public Result result(Collection<ClaimFacts> claims) {
        List<Long> millis = new ArrayList<>();
        for (ClaimFacts claim : claims) {
            Instant paid = firstPaidAt.get(claim.claimId());
            if (paid != null && claim.firstSubmittedAt() != null && !paid.isBefore(claim.firstSubmittedAt())) {
                millis.add(Duration.between(claim.firstSubmittedAt(), paid).toMillis());
            }
        }
        millis.sort(null);
        long[] bandCounts = new long[BANDS.size()];
        long total = 0;
        for (long m : millis) {
            total += m;
            bandCounts[band(m / MILLIS_PER_DAY.longValue())]++;
        }
        List<Band> bands = new ArrayList<>();
        for (int i = 0; i < BANDS.size(); i++) {
            bands.add(new Band(BANDS.get(i), bandCounts[i]));
        }
        if (millis.isEmpty()) {
            return new Result(0, null, null, bands);
        }
        int n = millis.size();
        BigDecimal average = days(BigDecimal.valueOf(total), n);
        BigDecimal median = n % 2 == 1
                ? days(BigDecimal.valueOf(millis.get(n / 2)), 1)
                : days(BigDecimal.valueOf(millis.get(n / 2 - 1)).add(BigDecimal.valueOf(millis.get(n / 2))), 2);
        return new Result(n, average, median, bands);
    }

    private static BigDecimal days(BigDecimal millis, int divisor) {
        return millis.divide(MILLIS_PER_DAY.multiply(BigDecimal.valueOf(divisor)), 1, RoundingMode.HALF_UP);
    }

    private static int band(long wholeDays) {
        for (int i = 0; i < BAND_LIMITS.length; i++) {
            if (wholeDays <= BAND_LIMITS[i]) {
                return i;
            }
        }
        return BAND_LIMITS.length;
    }

    /** Claims paid, average and median days (null before the first payment), claims per band. */
    public record Result(long claimsPaid, BigDecimal averageDays, BigDecimal medianDays, List<Band> bands) {
    }

    /** Claims paid within a band of whole days. */
    public record Band(String days, long claims) {
    }
}
