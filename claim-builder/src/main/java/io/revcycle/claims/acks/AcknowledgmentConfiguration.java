package io.revcycle.claims.acks;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where acknowledgments arrive ({@code claims.acks.*}).
 *
 * @param inbox        directory polled for 999 and 277CA files; processed/ and failed/ are made inside it
 * @param pollInterval how often the inbox is polled (also set the scheduler with claims.acks.poll-interval)
 */
@ConfigurationProperties("claims.acks")
public record AcknowledgmentConfiguration(
        @Bindable(defaultValue = "inbox") Path inbox,
        @Bindable(defaultValue = "5s") Duration pollInterval) {
}
