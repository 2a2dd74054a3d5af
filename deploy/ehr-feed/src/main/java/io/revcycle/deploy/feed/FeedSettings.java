package io.revcycle.deploy.feed;

import io.revcycle.deploy.feed.generate.GeneratorSettings;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where and how fast the feed sends.
 *
 * @param ingestUrl       base URL of the ingest service
 * @param apiKey          the {@code X-API-Key} of {@code sourceSystem}
 * @param sourceSystem    MSH-3 of HL7 messages (MLLP carries no credential: ingest knows the sender by it)
 * @param rate            encounters per second, paced evenly
 * @param count           how many encounters to send; 0 = until {@code maxDuration} or stopped
 * @param maxDuration     stop sending after this long; null = no limit
 * @param channels        relative weights of the channels
 * @param batchSize       encounters per batch request
 * @param concurrency     requests in flight at most
 * @param attempts        tries per request while ingest answers 503 or cannot be reached
 * @param keepDeliveries  keep every delivery in the report (for tests; memory grows with the count)
 */
public record FeedSettings(URI ingestUrl, String apiKey, String sourceSystem, String mllpHost, int mllpPort,
                           double rate, long count, Duration maxDuration, Map<Channel, Integer> channels,
                           int batchSize, int concurrency, int attempts, boolean keepDeliveries,
                           GeneratorSettings generator) {

    public FeedSettings {
        if (rate <= 0) {
            throw new IllegalArgumentException("rate must be positive");
        }
        if (count < 0 || batchSize < 1 || concurrency < 1 || attempts < 1) {
            throw new IllegalArgumentException("count must be >= 0; batchSize, concurrency and attempts >= 1");
        }
        if (channels.values().stream().anyMatch(w -> w < 0) || channels.values().stream().mapToInt(Integer::intValue).sum() == 0) {
            throw new IllegalArgumentException("channel weights must be non-negative and not all zero");
        }
        channels = Map.copyOf(channels);
    }

    /** The local stack's defaults: ingest on 8081, MLLP on 2575, 5 encounters/s, every channel. */
    public static FeedSettings defaults(String apiKey) {
        return new FeedSettings(URI.create("http://localhost:8081"), apiKey, "local", "localhost", 2575,
                5, 0, null, defaultChannels(), 10, 8, 5, false, GeneratorSettings.defaults());
    }

    /** JSON 30, batch 15, FHIR 25, HL7 over HTTP 15, HL7 over MLLP 15. */
    public static Map<Channel, Integer> defaultChannels() {
        Map<Channel, Integer> weights = new EnumMap<>(Channel.class);
        weights.put(Channel.JSON, 30);
        weights.put(Channel.JSON_BATCH, 15);
        weights.put(Channel.FHIR, 25);
        weights.put(Channel.HL7_HTTP, 15);
        weights.put(Channel.HL7_MLLP, 15);
        return weights;
    }

    public FeedSettings withIngest(URI url, String key, String source) {
        return new FeedSettings(url, key, source, mllpHost, mllpPort, rate, count, maxDuration, channels, batchSize,
                concurrency, attempts, keepDeliveries, generator);
    }

    public FeedSettings withMllp(String host, int port) {
        return new FeedSettings(ingestUrl, apiKey, sourceSystem, host, port, rate, count, maxDuration, channels, batchSize,
                concurrency, attempts, keepDeliveries, generator);
    }

    public FeedSettings withPace(double perSecond, long total, Duration limit) {
        return new FeedSettings(ingestUrl, apiKey, sourceSystem, mllpHost, mllpPort, perSecond, total, limit, channels,
                batchSize, concurrency, attempts, keepDeliveries, generator);
    }

    public FeedSettings withChannels(Map<Channel, Integer> weights, int perBatch) {
        return new FeedSettings(ingestUrl, apiKey, sourceSystem, mllpHost, mllpPort, rate, count, maxDuration, weights,
                perBatch, concurrency, attempts, keepDeliveries, generator);
    }

    public FeedSettings withConcurrency(int inFlight, int tries) {
        return new FeedSettings(ingestUrl, apiKey, sourceSystem, mllpHost, mllpPort, rate, count, maxDuration, channels,
                batchSize, inFlight, tries, keepDeliveries, generator);
    }

    public FeedSettings keepingDeliveries(boolean keep) {
        return new FeedSettings(ingestUrl, apiKey, sourceSystem, mllpHost, mllpPort, rate, count, maxDuration, channels,
                batchSize, concurrency, attempts, keep, generator);
    }

    public FeedSettings withGenerator(GeneratorSettings settings) {
        return new FeedSettings(ingestUrl, apiKey, sourceSystem, mllpHost, mllpPort, rate, count, maxDuration, channels,
                batchSize, concurrency, attempts, keepDeliveries, settings);
    }
}
