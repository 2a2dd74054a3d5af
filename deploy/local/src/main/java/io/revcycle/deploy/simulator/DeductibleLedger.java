package io.revcycle.deploy.simulator;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/** What each member has paid toward the deductible, per payer profile, member id and calendar year. */
final class DeductibleLedger {

    private final Map<String, BigDecimal> met = new HashMap<>();

    static String key(PayerProfile profile, String memberId, int year) {
        return profile.name() + "|" + memberId + "|" + year;
    }

    /** Deductible already met under {@code key}. */
    synchronized BigDecimal met(String key) {
        return met.getOrDefault(key, BigDecimal.ZERO.setScale(2));
    }

    /** Applies up to {@code amount} toward the deductible of {@code annual}; returns what was applied. */
    synchronized BigDecimal apply(String key, BigDecimal annual, BigDecimal amount) {
        BigDecimal open = annual.subtract(met(key)).max(BigDecimal.ZERO);
        BigDecimal applied = open.min(amount).setScale(2);
        met.merge(key, applied, BigDecimal::add);
        return applied;
    }

    /** Gives back deductible applied by a claim that was reversed. */
    synchronized void release(String key, BigDecimal amount) {
        met.merge(key, amount.negate(), BigDecimal::add);
    }
}
