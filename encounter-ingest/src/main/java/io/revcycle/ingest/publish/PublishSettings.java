package io.revcycle.ingest.publish;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How long a submission may wait for Kafka before the sender is told to retry (503), and whether
 * the duplicate ledger is rebuilt from the encounters topic at startup.
 *
 * @param maxBlock         longest wait for metadata or buffer space in send (max.block.ms)
 * @param deliveryTimeout  longest wait for the broker's acknowledgment (delivery.timeout.ms)
 * @param requestTimeout   one produce request's timeout (request.timeout.ms)
 * @param linger           batching delay (linger.ms)
 * @param retryAfter       the Retry-After given with a 503
 * @param rebuildLedger    read the encounters topic at startup to know what was already published
 */
@ConfigurationProperties("revcycle.ingest.kafka")
public record PublishSettings(
        @Bindable(defaultValue = "5s") Duration maxBlock,
        @Bindable(defaultValue = "10s") Duration deliveryTimeout,
        @Bindable(defaultValue = "5s") Duration requestTimeout,
        @Bindable(defaultValue = "2ms") Duration linger,
        @Bindable(defaultValue = "5s") Duration retryAfter,
        @Bindable(defaultValue = "true") boolean rebuildLedger) {
}
