package io.revcycle.deploy.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What every service test asks of a running service: that it reports healthy on {@code /health}
 * (Kafka and Kafka Streams included) and serves Prometheus metrics on {@code /prometheus}.
 */
public final class ServiceHealth {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServiceHealth() {
    }

    /**
     * Polls {@code /health} until it answers 200 and returns the body; Kafka Streams services are
     * healthy only once their topology runs, which takes a few seconds after start.
     *
     * @throws AssertionError with the last answer when not healthy within {@code within}
     */
    public static String awaitHealthy(URI service, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = get(service, "/health");
                if (response.statusCode() == 200) {
                    return response.body();
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(200);
        }
        throw new AssertionError(service + " not healthy within " + within + ": " + last);
    }

    /** The {@code /prometheus} answer. */
    public static HttpResponse<String> prometheus(URI service) throws IOException, InterruptedException {
        return get(service, "/prometheus");
    }

    private static HttpResponse<String> get(URI service, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(service.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
