package io.revcycle.ingest;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.revcycle.deploy.embedded.EmbeddedKafkaExtension;
import io.revcycle.deploy.embedded.ServiceHealth;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The encounter-ingest application starts against the embedded broker and registry and reports healthy. */
@ExtendWith(EmbeddedKafkaExtension.class)
@MicronautTest
class EncounterIngestHealthTest {

    @Inject
    EmbeddedServer server;

    @Test
    void reportsHealthyIncludingKafka() throws Exception {
        String body = ServiceHealth.awaitHealthy(server.getURI(), Duration.ofMinutes(1));
        assertTrue(body.contains("\"status\":\"UP\""), body);
        assertTrue(body.contains("kafka"), "health names the Kafka check: " + body);
    }

    @Test
    void servesPrometheusMetrics() throws Exception {
        HttpResponse<String> response = ServiceHealth.prometheus(server.getURI());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("jvm_memory_used_bytes"), "JVM metrics exported");
    }
}
