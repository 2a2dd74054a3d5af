package io.revcycle.payments.denials;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** How long each payer allows for an appeal, counted from the remittance date. */
public final class AppealDeadlines {

    private final Map<String, Integer> daysByPayer;
    private final int defaultDays;

    /**
     * @param daysByPayer days allowed, by payer id
     * @param defaultDays days allowed by payers not listed
     */
    public AppealDeadlines(Map<String, Integer> daysByPayer, int defaultDays) {
        // configuration keys may arrive lower-cased: payer ids are compared without case
        Map<String, Integer> byPayer = new HashMap<>();
        daysByPayer.forEach((payer, days) -> byPayer.put(payer.toUpperCase(Locale.ROOT), days));
        this.daysByPayer = Map.copyOf(byPayer);
        this.defaultDays = defaultDays;
    }

    /** Last day to file an appeal against a denial remitted on {@code remittanceDate}. */
    public LocalDate deadline(String payerId, LocalDate remittanceDate) {
        return remittanceDate.plusDays(daysByPayer.getOrDefault(payerId.toUpperCase(Locale.ROOT), defaultDays));
    }
}
