package io.revcycle.payments.posting;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.util.Map;

/**
 * Posting settings ({@code payments.posting.*}).
 *
 * @param pseudonymSecret    key of the patient pseudonym (HMAC-SHA-256); keep it in a secret store.
 *                           Changing it changes every patient key analysts see.
 * @param defaultAppealDays  days a payer allows for an appeal when not listed in {@code appealDays}
 * @param appealDays         days allowed for an appeal, by payer id
 */
@ConfigurationProperties("payments.posting")
public record PostingSettings(String pseudonymSecret,
                              @Bindable(defaultValue = "60") int defaultAppealDays,
                              @Bindable(defaultValue = "") Map<String, Integer> appealDays) {
}
