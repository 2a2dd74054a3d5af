package io.revcycle.payments.receivables;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Open receivables of one payer by age bucket.
 *
 * @param payerId payer
 * @param buckets amount outstanding by bucket: 0-30, 31-60, 61-90, 91-120, 120+ days
 * @param claims  number of open claims
 * @param total   sum of the buckets
 */
@Serdeable
public record PayerAging(String payerId, Map<String, BigDecimal> buckets, int claims, BigDecimal total) {
}
