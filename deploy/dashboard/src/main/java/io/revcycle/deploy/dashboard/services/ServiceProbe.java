package io.revcycle.deploy.dashboard.services;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks each of the four services for its health. A service that answers at all is running; its
 * health endpoint says whether its Kafka connection and streams are up.
 */
@Singleton
public final class ServiceProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Map<String, String> baseUrls = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private volatile List<ServiceStatus> statuses;

    public ServiceProbe(@Value("${dashboard.services.encounter-ingest:`http://localhost:8081`}") String ingest,
                        @Value("${dashboard.services.coding-service:`http://localhost:8082`}") String coding,
                        @Value("${dashboard.services.claim-builder:`http://localhost:8083`}") String claims,
                        @Value("${dashboard.services.payment-posting:`http://localhost:8084`}") String payments) {
        baseUrls.put("encounter-ingest", ingest);
        baseUrls.put("coding-service", coding);
        baseUrls.put("claim-builder", claims);
        baseUrls.put("payment-posting", payments);
        List<ServiceStatus> unknown = new ArrayList<>();
        baseUrls.forEach((name, url) -> unknown.add(new ServiceStatus(name, url, ServiceStatus.State.UNKNOWN, null, null)));
        statuses = List.copyOf(unknown);
    }

    public List<ServiceStatus> statuses() {
        return statuses;
    }

    @Scheduled(fixedDelay = "${dashboard.service-check-interval:5s}")
    void probe() {
        List<ServiceStatus> now = new ArrayList<>();
        baseUrls.forEach((name, url) -> now.add(probe(name, url)));
        statuses = List.copyOf(now);
    }

    private ServiceStatus probe(String name, String baseUrl) {
        Instant at = Instant.now();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(stripSlash(baseUrl) + "/health"))
                    .timeout(TIMEOUT).GET().build();
            int code = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            ServiceStatus.State state = code == 200 ? ServiceStatus.State.UP
                    : code == 503 ? ServiceStatus.State.DOWN : ServiceStatus.State.ANSWERING;
            return new ServiceStatus(name, baseUrl, state, code, at);
        } catch (IOException | IllegalArgumentException e) {
            return new ServiceStatus(name, baseUrl, ServiceStatus.State.UNREACHABLE, null, at);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ServiceStatus(name, baseUrl, ServiceStatus.State.UNKNOWN, null, at);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
