package io.revcycle.deploy.registry;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The standalone registry's command line: defaults for a local broker, every option, and refusals. */
class SchemaRegistryMainTest {

    @Test
    void withoutOptionsItServesPort8085OnLocalhostForALocalBroker() {
        SchemaRegistrySettings settings = SchemaRegistryMain.settings(new String[0]);

        assertEquals(new SchemaRegistrySettings("localhost:9092", "localhost", 8085, "_schemas", (short) 1,
                SchemaRegistrySettings.DEFAULT_KAFKA_TIMEOUT), settings);
    }

    @Test
    void readsEveryOption() {
        SchemaRegistrySettings settings = SchemaRegistryMain.settings(new String[]{
                "--bootstrap-servers", "kafka-1:9092,kafka-2:9092", "--port", "18085", "--host", "0.0.0.0",
                "--topic", "_revcycle_schemas", "--replication-factor", "3"});

        assertEquals(new SchemaRegistrySettings("kafka-1:9092,kafka-2:9092", "0.0.0.0", 18085, "_revcycle_schemas",
                (short) 3, SchemaRegistrySettings.DEFAULT_KAFKA_TIMEOUT), settings);
    }

    @Test
    void refusesUnknownOptionsMissingValuesAndBadNumbers() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SchemaRegistryMain.settings(new String[]{"--prot", "8085"})).getMessage().contains("--prot"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SchemaRegistryMain.settings(new String[]{"--port"})).getMessage().contains("--port"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SchemaRegistryMain.settings(new String[]{"--port", "eighty"})).getMessage().contains("eighty"));
        assertThrows(IllegalArgumentException.class,
                () -> SchemaRegistryMain.settings(new String[]{"--port", "70000"}));
        assertThrows(IllegalArgumentException.class,
                () -> SchemaRegistryMain.settings(new String[]{"--replication-factor", "0"}));
    }
}
