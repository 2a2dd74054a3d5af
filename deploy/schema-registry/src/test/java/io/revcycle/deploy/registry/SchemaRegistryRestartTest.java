package io.revcycle.deploy.registry;

import io.revcycle.deploy.kafka.EmbeddedKafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.revcycle.deploy.registry.RegistryHttp.fixture;
import static io.revcycle.deploy.registry.RegistryHttp.schemaBody;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The {@code _schemas} topic is the registry's only memory: a new registry on the same cluster,
 * or on the same cluster after the broker itself restarted, serves every id, version, deletion
 * and setting the old one wrote, and goes on numbering ids after the highest.
 */
class SchemaRegistryRestartTest {

    private static final String V1 = fixture("compatibility/patient-v1.avsc");
    private static final String V2 = fixture("compatibility/patient-adds-optional-field.avsc");
    private static final String V3 = fixture("compatibility/patient-removes-optional-field.avsc");
    private static final String OTHER = fixture("compatibility/contact-email-absent.avsc");

    /** What was written before the restart. */
    private record Before(int id1, int id2, int idOther) {
    }

    private static Before writeHistory(RegistryHttp http) {
        int id1 = http.register("encounters-value", V1);
        int id2 = http.register("encounters-value", V2);
        int again = http.register("encounters-copy-value", V1);
        int idOther = http.register("contacts-value", OTHER);
        http.register("retired-value", V1);
        assertEquals(id1, again);
        http.setLevel("encounters-value", "FULL_TRANSITIVE");
        assertEquals(200, http.put("/config", "{\"compatibility\": \"FORWARD\"}").status());
        assertEquals(200, http.delete("/subjects/retired-value").status());
        assertEquals(200, http.delete("/subjects/encounters-copy-value/versions/1").status());
        assertEquals(200, http.delete("/subjects/encounters-copy-value/versions/1?permanent=true").status());
        return new Before(id1, id2, idOther);
    }

    private static void assertSameHistory(RegistryHttp http, Before before) {
        assertEquals(before.id1(), http.get("/subjects/encounters-value/versions/1").json().get("id").asInt());
        assertEquals(before.id2(), http.get("/subjects/encounters-value/versions/latest").json().get("id").asInt());
        assertEquals(2, http.get("/subjects/encounters-value/versions").json().size());
        assertEquals(before.idOther(), http.post("/subjects/contacts-value", schemaBody(OTHER)).json().get("id").asInt());
        assertEquals(new org.apache.avro.Schema.Parser().parse(V2).toString(),
                http.get("/schemas/ids/" + before.id2()).json().get("schema").asText());
        assertEquals("FULL_TRANSITIVE", http.get("/config/encounters-value").json().get("compatibilityLevel").asText());
        assertEquals("FORWARD", http.get("/config").json().get("compatibilityLevel").asText());
        assertEquals(40401, http.get("/subjects/retired-value/versions").errorCode());
        assertEquals(1, http.get("/subjects/retired-value/versions?deleted=true").json().size());
        assertEquals(40401, http.get("/subjects/encounters-copy-value/versions?deleted=true").errorCode());
        int next = http.register("encounters-value", V3);
        assertEquals(Math.max(before.id2(), before.idOther()) + 1, next, "ids go on after the highest");
    }

    @Test
    void aNewRegistryOnTheSameClusterKeepsEveryIdVersionDeletionAndSetting() {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary()) {
            Before before;
            try (SchemaRegistryServer first = SchemaRegistryServer.start(broker.bootstrapServers(), 0)) {
                before = writeHistory(new RegistryHttp(first.url()));
            }
            try (SchemaRegistryServer second = SchemaRegistryServer.start(broker.bootstrapServers(), 0)) {
                assertSameHistory(new RegistryHttp(second.url()), before);
            }
        }
    }

    @Test
    void aRegistryKeepsItsSchemasAcrossARestartOfTheBrokerItself(@TempDir Path kafkaData) {
        int port = EmbeddedKafkaBroker.freePort();
        Before before;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(kafkaData, port);
             SchemaRegistryServer registry = SchemaRegistryServer.start(broker.bootstrapServers(), 0)) {
            before = writeHistory(new RegistryHttp(registry.url()));
        }
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(kafkaData, port);
             SchemaRegistryServer registry = SchemaRegistryServer.start(broker.bootstrapServers(), 0)) {
            assertSameHistory(new RegistryHttp(registry.url()), before);
        }
    }
}
