package io.revcycle.deploy.local;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stack refuses ports that something else holds, naming them. */
class StackPortsTest {

    @Test
    void aPortHeldByAnotherListenerIsReportedWithWhatNeedsIt() throws Exception {
        try (ServerSocket holder = new ServerSocket()) {
            holder.bind(new InetSocketAddress(0));
            int held = holder.getLocalPort();
            int free;
            try (ServerSocket probe = new ServerSocket(0)) {
                free = probe.getLocalPort();
            }
            Map<String, Integer> ports = new LinkedHashMap<>();
            ports.put("Kafka", held);
            ports.put("claim-builder", free);

            List<String> taken = StackPorts.taken(ports);

            assertEquals(List.of("port " + held + " (Kafka) is already in use"), taken);
        }
    }

    @Test
    void theStackUsesTheDocumentedFixedPorts() {
        Map<String, Integer> ports = StackPorts.required();

        assertEquals(9092, ports.get("Kafka"));
        assertEquals(8085, ports.get("schema registry"));
        assertEquals(List.of(8081, 8082, 8083, 8084), List.of(ports.get("encounter-ingest HTTP"), ports.get("coding-service"),
                ports.get("claim-builder"), ports.get("payment-posting")));
        assertEquals(2575, ports.get("encounter-ingest MLLP"));
        assertTrue(!ports.containsValue(StackPorts.DASHBOARD), "8080 stays reserved for the dashboard");
    }
}
