package io.revcycle.payments.topology;

import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.revcycle.payments.denials.AppealDeadlines;
import io.revcycle.payments.denials.DenialCategories;
import io.revcycle.payments.posting.PatientPseudonym;
import io.revcycle.payments.posting.PaymentPoster;
import io.revcycle.payments.posting.PostingSettings;
import io.revcycle.schemas.Topics;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.KStream;

import java.time.Clock;
import java.util.Map;

/** Wires the posting topology onto the "default" Kafka Streams application of the service. */
@Factory
class PostingTopologyFactory {

    @Singleton
    PaymentPoster paymentPoster(PostingSettings settings, Clock clock) {
        return new PaymentPoster(new PatientPseudonym(settings.pseudonymSecret()), new DenialCategories(),
                new AppealDeadlines(settings.appealDays() == null ? Map.of() : settings.appealDays(),
                        settings.defaultAppealDays()), clock);
    }

    @Singleton
    @Named("posting")
    KStream<String, SpecificRecord> postingTopology(@Named("default") ConfiguredStreamBuilder builder,
                                                    @Value("${kafka.schema.registry.url}") String registryUrl,
                                                    PaymentPoster poster) {
        // KIP-1034: records the stage cannot deserialize go to our dead-letter topic with provenance headers
        builder.getConfiguration().put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG,
                Topics.PAYMENTS_DEAD_LETTERS.name());
        return PostingTopology.build(builder, PostingSerdes.of(Map.of("schema.registry.url", registryUrl)), poster);
    }
}
