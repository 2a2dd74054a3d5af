package io.revcycle.schemas.serde;

import io.revcycle.events.Code;
import io.revcycle.schemas.Topics;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RestSchemaRegistryClientTest {

    @Test
    void anUnreachableRegistryIsRetriedThenNamedWithTheSubject() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String url = "http://localhost:" + closedPort;
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(url, 3, Duration.ofMillis(10), Duration.ofMinutes(1));
        SchemaRegistryException e = assertThrows(SchemaRegistryException.class,
                () -> client.register(Topics.ENCOUNTERS.valueSubject(), Code.getClassSchema()));
        assertTrue(e.getMessage().contains(url), e.getMessage());
        assertTrue(e.getMessage().contains(Topics.ENCOUNTERS.valueSubject()), e.getMessage());
        assertTrue(e.getMessage().contains("after 3 attempts"), e.getMessage());
        assertEquals(-1, e.errorCode());
    }
}
