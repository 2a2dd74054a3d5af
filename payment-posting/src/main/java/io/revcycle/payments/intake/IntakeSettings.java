package io.revcycle.payments.intake;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.nio.file.Path;

/**
 * Intake settings ({@code payments.intake.*}).
 *
 * @param inbox           directory polled for 835 files; processed/ and failed/ are created inside it
 * @param transactionalId transactional id of the intake producer; unique per running instance
 */
@ConfigurationProperties("payments.intake")
public record IntakeSettings(@Bindable(defaultValue = "inbox") Path inbox,
                             @Bindable(defaultValue = "payment-posting-intake") String transactionalId) {
}
