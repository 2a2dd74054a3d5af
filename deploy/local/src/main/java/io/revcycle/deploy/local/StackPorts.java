package io.revcycle.deploy.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fixed ports of the local stack, and the check that they are free before anything starts. */
public final class StackPorts {

    /** Reserved for the operations dashboard. */
    public static final int DASHBOARD = 8080;
    public static final int INGEST = 8081;
    public static final int CODING = 8082;
    public static final int CLAIMS = 8083;
    public static final int PAYMENTS = 8084;
    public static final int REGISTRY = 8085;
    public static final int KAFKA = 9092;
    public static final int MLLP = 2575;

    private StackPorts() {
    }

    /** What listens where; the dashboard port is only reserved until the dashboard runs in the stack. */
    public static Map<String, Integer> required() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("Kafka", KAFKA);
        ports.put("schema registry", REGISTRY);
        ports.put("encounter-ingest HTTP", INGEST);
        ports.put("encounter-ingest MLLP", MLLP);
        ports.put("coding-service", CODING);
        ports.put("claim-builder", CLAIMS);
        ports.put("payment-posting", PAYMENTS);
        return ports;
    }

    /** One line per port that something else already holds; empty when all are free. */
    public static List<String> taken(Map<String, Integer> ports) {
        List<String> taken = new ArrayList<>();
        ports.forEach((what, port) -> {
            if (!free(port)) {
                taken.add("port " + port + " (" + what + ") is already in use");
            }
        });
        return taken;
    }

    static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // connections of an earlier run lingering in TIME_WAIT do not make a port taken; a listener does
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
