package io.revcycle.deploy.registry;

import io.revcycle.deploy.kafka.EmbeddedKafkaBroker;
import io.revcycle.deploy.registry.RegistryHttp.Reply;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static io.revcycle.deploy.registry.RegistryHttp.fixture;
import static io.revcycle.deploy.registry.RegistryHttp.schemaBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Losing Kafka does not take the registry down: what it knows it still serves, and a change it
 * cannot store is answered with Confluent's 5xx error rather than left hanging. Without Kafka
 * at start it refuses to start, naming the cluster.
 */
class RegistryWithoutKafkaTest {

    private static final Duration SHORT_TIMEOUT = Duration.ofSeconds(2);

    @Test
    void whenKafkaGoesAwayReadsAreStillServedAndWritesAnswerAStoreError() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary();
        SchemaRegistrySettings settings = new SchemaRegistrySettings(broker.bootstrapServers(), "localhost", 0,
                SchemaRegistrySettings.DEFAULT_TOPIC, (short) 1, SHORT_TIMEOUT);
        try (SchemaRegistryServer registry = SchemaRegistryServer.start(settings)) {
            RegistryHttp http = new RegistryHttp(registry.url());
            int id = http.register("outage-value", fixture("compatibility/patient-v1.avsc"));
            broker.close();

            Reply write = http.post("/subjects/outage-value/versions",
                    schemaBody(fixture("compatibility/patient-adds-optional-field.avsc")));

            assertEquals(500, write.status(), write.body());
            assertTrue(Set.of(50001, 50002).contains(write.errorCode()), write.body());
            assertEquals(200, http.get("/schemas/ids/" + id).status());
            assertEquals(1, http.get("/subjects/outage-value/versions").json().size());
        } finally {
            broker.close();
        }
    }

    @Test
    void withoutKafkaItDoesNotStartAndSaysWhichClusterItCouldNotReach() {
        String nowhere = "localhost:" + EmbeddedKafkaBroker.freePort();
        SchemaRegistrySettings settings = new SchemaRegistrySettings(nowhere, "localhost", 0,
                SchemaRegistrySettings.DEFAULT_TOPIC, (short) 1, SHORT_TIMEOUT);

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> SchemaRegistryServer.start(settings));

        assertTrue(refused.getMessage().contains(nowhere), refused.getMessage());
    }
}
