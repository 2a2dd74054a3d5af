package io.revcycle.deploy.feed;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.revcycle.deploy.embedded.EmbeddedKafkaExtension;
import io.revcycle.deploy.feed.generate.Expectation;
import io.revcycle.deploy.feed.generate.GeneratorSettings;
import io.revcycle.deploy.feed.generate.SyntheticEncounter;
import io.revcycle.events.DocumentedService;
import io.revcycle.events.EncounterReceived;
import io.revcycle.events.SourceFormat;
import io.revcycle.ingest.hl7.MllpListener;
import io.revcycle.ingest.publish.LedgerReadiness;
import io.revcycle.schemas.Topics;
import io.revcycle.schemas.serde.AvroSerdeConfig;
import io.revcycle.schemas.serde.KafkaAvroDeserializer;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The feed against the real ingest service, embedded broker and registry, over every channel. */
@ExtendWith(EmbeddedKafkaExtension.class)
@MicronautTest
class SyntheticEhrFeedIngestTest {

    private static final Map<Channel, SourceFormat> FORMAT_OF = Map.of(Channel.JSON, SourceFormat.JSON,
            Channel.JSON_BATCH, SourceFormat.JSON, Channel.FHIR, SourceFormat.FHIR_R4,
            Channel.HL7_HTTP, SourceFormat.HL7V2, Channel.HL7_MLLP, SourceFormat.HL7V2);

    @Inject
    EmbeddedServer server;

    @Inject
    MllpListener mllp;

    @Inject
    LedgerReadiness readiness;

    @BeforeEach
    void ingestReady() throws InterruptedException {
        for (int i = 0; i < 600 && !readiness.ready(); i++) {
            Thread.sleep(100);
        }
        assertTrue(readiness.ready(), "ingest rebuilt its duplicate ledger");
    }

    private FeedSettings settings(String idPrefix, int count) {
        return FeedSettings.defaults("test-key-feed")
                .withIngest(URI.create(server.getURL().toString()), "test-key-feed", "synthetic-ehr")
                .withMllp("localhost", mllp.port())
                .withPace(100, count, Duration.ofMinutes(5))
                .withChannels(FeedSettings.defaultChannels(), 5)
                .keepingDeliveries(true)
                .withGenerator(GeneratorSettings.defaults().withSeed(7).withIdPrefix(idPrefix).withRates(0.2, 0.2));
    }

    @Test
    void everyExpectedValidEncounterIsPublishedAsSentAndEveryFlawedOneRefused() throws InterruptedException {
        FeedReport report = new SyntheticEhrFeed(settings("FEEDTEST", 60)).run();
        System.out.print(report.table());

        assertEquals(60, report.sent());
        assertEquals(0, report.total(Outcome.ERROR), report.table());
        for (Delivery d : report.deliveries()) {
            Outcome expected = d.encounter().expectation().acceptedByIngest() ? Outcome.ACCEPTED : Outcome.REJECTED;
            assertEquals(expected, d.outcome(), d.encounter().encounterId() + " (" + d.encounter().specialty() + ", flaw "
                    + d.encounter().flaw() + ") on " + d.channel() + ": " + d.detail());
        }
        for (Channel c : Channel.values()) {
            assertTrue(report.count(c, Outcome.ACCEPTED) > 0, "some encounters accepted over " + c);
        }
        assertTrue(report.total(Outcome.REJECTED) > 0, "the mix has refusals");
        assertTrue(report.deliveries().stream().anyMatch(d -> d.encounter().expectation() == Expectation.QUERY
                && d.outcome() == Outcome.ACCEPTED), "documentation gaps pass ingest");

        Map<String, Object> published = published(Topics.ENCOUNTERS.name());
        Map<String, Object> refusals = published(Topics.ENCOUNTERS_REJECTED.name());
        for (Delivery d : report.deliveries()) {
            SyntheticEncounter e = d.encounter();
            if (d.outcome() == Outcome.ACCEPTED) {
                EncounterReceived event = (EncounterReceived) published.get(e.encounterId());
                assertNotNull(event, e.encounterId() + " accepted over " + d.channel() + " is on " + Topics.ENCOUNTERS.name());
                assertEquals(FORMAT_OF.get(d.channel()), event.getSourceFormat());
                assertEquals("synthetic-ehr", event.getSourceSystem());
                assertEquals(e.services().size(), event.getServices().size());
                assertEquals(e.totalCharge(), event.getServices().stream().map(DocumentedService::getChargeAmount)
                        .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add), "charges to the cent");
                assertEquals(e.selfPay(), event.getSelfPay());
                assertEquals(e.coverages().stream().map(c -> c.payer().payerId()).toList(),
                        event.getCoverages().stream().map(io.revcycle.events.Coverage::getPayerId).toList());
            } else {
                assertFalse(published.containsKey(e.encounterId()), e.encounterId() + " refused, not published");
                if (d.channel() == Channel.JSON_BATCH || d.channel() == Channel.HL7_MLLP) {
                    assertTrue(refusals.containsKey(e.encounterId()), "a refusal on the batch or MLLP path is published for operations");
                }
            }
        }
    }

    @Test
    void sendingTheSameSequenceAgainIsAnsweredDuplicate() throws InterruptedException {
        FeedReport first = new SyntheticEhrFeed(settings("FEEDDUP", 12)).run();
        FeedReport second = new SyntheticEhrFeed(settings("FEEDDUP", 12)).run();

        assertEquals(first.total(Outcome.ACCEPTED), second.total(Outcome.DUPLICATE), second.table());
        assertEquals(0, second.total(Outcome.ACCEPTED), second.table());
        assertEquals(first.total(Outcome.REJECTED), second.total(Outcome.REJECTED));
    }

    /** The last value of each key on the topic, read from the beginning to the current end. */
    private static Map<String, Object> published(String topic) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafkaExtension.stack().bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, KafkaAvroDeserializer.class);
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, EmbeddedKafkaExtension.stack().registryUrl());
        config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        Map<String, Object> values = new HashMap<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    values.put(record.key(), record.value());
                }
            }
        }
        return values;
    }
}
