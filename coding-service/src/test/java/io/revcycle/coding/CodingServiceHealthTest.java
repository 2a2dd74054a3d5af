package io.revcycle.coding;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.revcycle.deploy.embedded.EmbeddedKafkaExtension;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The coding-service application starts against the embedded broker and registry and reports healthy. */
@ExtendWith(EmbeddedKafkaExtension.class)
@MicronautTest
class CodingServiceHealthTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void reportsHealthyIncludingKafka() throws InterruptedException {
        String body = awaitHealthy();
        assertTrue(body.contains("\"status\":\"UP\""), body);
        assertTrue(body.contains("kafka"), "health names the Kafka check: " + body);
    }

    @Test
    void servesPrometheusMetrics() {
        HttpResponse<String> response = client.toBlocking().exchange("/prometheus", String.class);
        assertEquals(200, response.code());
        assertTrue(response.body().contains("jvm_memory_used_bytes"), "JVM metrics exported");
    }

    private String awaitHealthy() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        String last = "";
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpResponse<String> response = client.toBlocking().exchange("/health", String.class);
                if (response.code() == 200) {
                    return response.body();
                }
            } catch (HttpClientResponseException e) {
                last = e.getResponse().getBody(String.class).orElse(e.getMessage());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not healthy within a minute: " + last);
    }
}
