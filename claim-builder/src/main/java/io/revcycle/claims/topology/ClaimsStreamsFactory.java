package io.revcycle.claims.topology;

import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import io.micronaut.context.annotation.Factory;
import io.revcycle.claims.assembly.ClaimAssembler;
import io.revcycle.claims.scrub.ClaimScrubber;
import io.revcycle.claims.state.ClaimMetrics;
import io.revcycle.claims.submission.ClaimGateway;
import io.revcycle.claims.submission.FileDropGateway;
import io.revcycle.claims.submission.HttpGateway;
import io.revcycle.claims.submission.InterchangeJournal;
import io.revcycle.claims.submission.InterchangeSubmitter;
import io.revcycle.claims.submission.RetryingGateway;
import io.revcycle.claims.submission.SubmissionConfiguration;
import io.revcycle.claims.submission.TradingPartnerConfiguration;
import io.revcycle.claims.x12.ClaimInterchangeWriter;
import io.revcycle.events.Claim;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.kstream.KStream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Wires the claim topology onto micronaut-kafka-streams' default stream. */
@Factory
final class ClaimsStreamsFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    ClaimGateway gateway(SubmissionConfiguration config) {
        ClaimGateway gateway;
        if ("http".equals(config.gateway())) {
            gateway = new HttpGateway(URI.create(config.httpUrl()), Duration.ofSeconds(30));
        } else {
            try {
                gateway = new FileDropGateway(config.outbox());
            } catch (IOException e) {
                throw new UncheckedIOException("outbox " + config.outbox() + " cannot be created", e);
            }
        }
        return new RetryingGateway(gateway, config.attempts(), config.backoff(), duration -> Thread.sleep(duration.toMillis()));
    }

    private static InterchangeJournal journal(SubmissionConfiguration config) {
        try {
            return new InterchangeJournal(config.journal());
        } catch (IOException e) {
            throw new UncheckedIOException("interchange journal " + config.journal() + " cannot be opened", e);
        }
    }

    @Singleton
    @Named("claims")
    KStream<String, Claim> claimStream(@Named("default") ConfiguredStreamBuilder builder, ReferenceData reference,
                                       ClaimGateway gateway, SubmissionConfiguration submission,
                                       TradingPartnerConfiguration partner, ClaimMetrics metrics, Clock clock) {
        Map<String, Object> serdeConfig = new HashMap<>();
        builder.getConfiguration().forEach((key, value) -> serdeConfig.put(key.toString(), value));
        ClaimTopology topology = new ClaimTopology(new ClaimAssembler(), reference.pricer(),
                fingerprints -> ClaimScrubber.standard(reference.payers(), fingerprints),
                new InterchangeSubmitter(new ClaimInterchangeWriter(partner.settings()), gateway, journal(submission), clock),
                submission.maxClaimsPerInterchange(), submission.maxWait(), submission.checkEvery(), metrics, clock,
                serdeConfig);
        return topology.build(builder);
    }
}
