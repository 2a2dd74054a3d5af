package io.revcycle.deploy.feed;

import com.sun.net.httpserver.HttpServer;
import io.revcycle.deploy.feed.generate.GeneratorSettings;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The feed's own behaviour (bounds, stopping, retries, counting) against a stand-in HTTP server
 * that answers like ingest's JSON endpoint; the real service is exercised in
 * {@link SyntheticEhrFeedIngestTest}.
 */
class SyntheticEhrFeedTest {

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int unavailableFirst;
    private volatile int status = 202;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/v1/encounters", exchange -> {
            int n = requests.incrementAndGet();
            int code = n <= unavailableFirst ? 503 : status;
            byte[] body = (code == 202 ? "{\"encounterId\":\"x\",\"encounterVersion\":1,\"status\":\"accepted\"}" : "{}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (code == 503) {
                exchange.getResponseHeaders().add("Retry-After", "0");
            }
            exchange.sendResponseHeaders(code, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private FeedSettings jsonOnly(double rate, long count, Duration limit) {
        Map<Channel, Integer> json = new EnumMap<>(Channel.class);
        json.put(Channel.JSON, 1);
        return FeedSettings.defaults("key")
                .withIngest(URI.create("http://localhost:" + server.getAddress().getPort()), "key", "local")
                .withPace(rate, count, limit)
                .withChannels(json, 10)
                .withConcurrency(4, 3)
                .keepingDeliveries(true)
                .withGenerator(GeneratorSettings.defaults().withRates(0, 0));
    }

    @Test
    void sendsExactlyTheCountAndCountsAcceptances() throws InterruptedException {
        FeedReport report = new SyntheticEhrFeed(jsonOnly(200, 25, null)).run();
        assertEquals(25, report.sent());
        assertEquals(25, report.count(Channel.JSON, Outcome.ACCEPTED));
        assertEquals(25, requests.get());
        assertEquals(0, report.unexpected());
    }

    @Test
    void unavailableAnswersAreRetriedUntilAccepted() throws InterruptedException {
        unavailableFirst = 2;
        FeedReport report = new SyntheticEhrFeed(jsonOnly(200, 1, null).withConcurrency(1, 3)).run();
        assertEquals(1, report.count(Channel.JSON, Outcome.ACCEPTED));
        assertEquals(3, requests.get(), "two 503 answers, then the acceptance");
    }

    @Test
    void anAnswerThatIsNeitherAcceptanceNorRefusalIsCountedAsAnError() throws InterruptedException {
        status = 401;
        FeedReport report = new SyntheticEhrFeed(jsonOnly(200, 5, null)).run();
        assertEquals(5, report.count(Channel.JSON, Outcome.ERROR));
        assertEquals(5, report.unexpected());
        assertTrue(report.deliveries().stream().allMatch(d -> d.detail().equals("HTTP 401")));
    }

    @Test
    void anUnboundedFeedEndsWhenStoppedAfterAnsweringWhatItSent() throws Exception {
        SyntheticEhrFeed feed = new SyntheticEhrFeed(jsonOnly(50, 0, null));
        CompletableFuture<FeedReport> running = CompletableFuture.supplyAsync(() -> {
            try {
                return feed.run();
            } catch (InterruptedException ex) {
                throw new IllegalStateException(ex);
            }
        });
        while (feed.report().sent() < 5) {
            Thread.sleep(20);
        }
        feed.stop();
        FeedReport report = running.get(1, TimeUnit.MINUTES);
        assertTrue(report.sent() >= 5);
        assertEquals(requests.get(), report.sent(), "every request sent was answered and counted");
        assertEquals(report.sent(), report.total(Outcome.ACCEPTED));
    }

    @Test
    void aDurationLimitEndsAnUnboundedFeed() throws Exception {
        FeedReport report = new SyntheticEhrFeed(jsonOnly(20, 0, Duration.ofMillis(300))).run();
        assertTrue(report.sent() > 0);
        assertEquals(requests.get(), report.sent());
    }

    @Test
    void theTableNamesEveryChannelAndTheTotals() throws InterruptedException {
        String table = new SyntheticEhrFeed(jsonOnly(200, 3, null)).run().table();
        for (Channel c : Channel.values()) {
            assertTrue(table.contains(c.name().toLowerCase()), c.name());
        }
        assertTrue(table.contains("total"));
    }

    @Test
    void commandLineOptionsBecomeSettings() {
        FeedSettings s = SyntheticEhrFeedMain.settings(SyntheticEhrFeedMain.options(new String[]{
                "--ingest-url", "http://ingest:9000", "--api-key", "k", "--source-system", "epic-main",
                "--mllp-port", "3575", "--rate", "12.5", "--count", "40", "--seed", "9", "--query-rate", "0.3",
                "--channels", "fhir=2,hl7_mllp=1"}));
        assertEquals(URI.create("http://ingest:9000"), s.ingestUrl());
        assertEquals("epic-main", s.sourceSystem());
        assertEquals(3575, s.mllpPort());
        assertEquals(12.5, s.rate());
        assertEquals(40, s.count());
        assertEquals(9, s.generator().seed());
        assertEquals(0.3, s.generator().queryRate());
        assertEquals(2, s.channels().get(Channel.FHIR));
        assertEquals(0, s.channels().get(Channel.JSON));
    }
}
