package io.revcycle.deploy.feed;

import io.revcycle.deploy.feed.generate.GeneratorSettings;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the feed from the command line and prints the outcome counts by channel.
 *
 * <pre>
 * --ingest-url http://localhost:8081  --api-key KEY (or REVCYCLE_FEED_API_KEY)  --source-system local
 * --mllp-host localhost  --mllp-port 2575  --rate 5  --count N (0 = until Ctrl-C or --duration)
 * --duration SECONDS  --seed 1  --id-prefix SYN  --reject-rate 0.05  --query-rate 0.10  --self-pay-rate 0.05
 * --channels json=30,json_batch=15,fhir=25,hl7_http=15,hl7_mllp=15  --batch-size 10  --concurrency 8
 * </pre>
 */
public final class SyntheticEhrFeedMain {

    private SyntheticEhrFeedMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options;
        FeedSettings settings;
        try {
            options = options(args);
            settings = settings(options);
        } catch (IllegalArgumentException ex) {
            System.err.println("ehr-feed: " + ex.getMessage());
            System.err.println("usage: --ingest-url URL --api-key KEY [--source-system S] [--mllp-host H] [--mllp-port P]"
                    + " [--rate N] [--count N] [--duration SECONDS] [--seed N] [--id-prefix P] [--reject-rate R]"
                    + " [--query-rate R] [--self-pay-rate R] [--channels json=30,...] [--batch-size N] [--concurrency N]");
            System.exit(2);
            return;
        }
        SyntheticEhrFeed feed = new SyntheticEhrFeed(settings);
        CountDownLatch finished = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            feed.stop();
            try {
                finished.await();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }, "ehr-feed-shutdown"));
        try {
            System.out.print(feed.run().table());
        } finally {
            finished.countDown();
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    static FeedSettings settings(Map<String, String> o) {
        String key = o.getOrDefault("api-key", System.getenv("REVCYCLE_FEED_API_KEY"));
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("--api-key (or REVCYCLE_FEED_API_KEY) is required");
        }
        GeneratorSettings generator = GeneratorSettings.defaults()
                .withSeed(Long.parseLong(o.getOrDefault("seed", "1")))
                .withIdPrefix(o.getOrDefault("id-prefix", "SYN"))
                .withRates(Double.parseDouble(o.getOrDefault("reject-rate", "0.05")), Double.parseDouble(o.getOrDefault("query-rate", "0.10")))
                .withSelfPayRate(Double.parseDouble(o.getOrDefault("self-pay-rate", "0.05")));
        String duration = o.get("duration");
        return FeedSettings.defaults(key)
                .withIngest(URI.create(o.getOrDefault("ingest-url", "http://localhost:8081")), key, o.getOrDefault("source-system", "local"))
                .withMllp(o.getOrDefault("mllp-host", "localhost"), Integer.parseInt(o.getOrDefault("mllp-port", "2575")))
                .withPace(Double.parseDouble(o.getOrDefault("rate", "5")), Long.parseLong(o.getOrDefault("count", "0")),
                        duration == null ? null : Duration.ofSeconds(Long.parseLong(duration)))
                .withChannels(o.containsKey("channels") ? channels(o.get("channels")) : FeedSettings.defaultChannels(),
                        Integer.parseInt(o.getOrDefault("batch-size", "10")))
                .withConcurrency(Integer.parseInt(o.getOrDefault("concurrency", "8")), 5)
                .withGenerator(generator);
    }

    /** {@code json=30,fhir=25,...}; channels not named get weight 0. */
    static Map<Channel, Integer> channels(String spec) {
        Map<Channel, Integer> weights = new EnumMap<>(Channel.class);
        for (Channel c : Channel.values()) {
            weights.put(c, 0);
        }
        for (String part : spec.split(",")) {
            String[] kv = part.split("=");
            if (kv.length != 2) {
                throw new IllegalArgumentException("--channels takes name=weight pairs, got " + part);
            }
            weights.put(Channel.valueOf(kv[0].trim().toUpperCase(Locale.ROOT)), Integer.parseInt(kv[1].trim()));
        }
        return weights;
    }
}
