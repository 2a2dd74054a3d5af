package io.revcycle.claims.submission;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GatewayTest {

    @TempDir
    Path outbox;

    @Test
    void fileDropLeavesOnlyTheFinishedFileAndASecondDeliveryOfTheSameNameReplacesIt() throws IOException {
        FileDropGateway gateway = new FileDropGateway(outbox);
        gateway.submit("000000001-MEDICARE-837P.x12", "first".getBytes(StandardCharsets.US_ASCII));
        gateway.submit("000000001-MEDICARE-837P.x12", "second".getBytes(StandardCharsets.US_ASCII));

        try (Stream<Path> files = Files.list(outbox)) {
            assertEquals(List.of(outbox.resolve("000000001-MEDICARE-837P.x12")), files.toList());
        }
        assertArrayEquals("second".getBytes(StandardCharsets.US_ASCII),
                Files.readAllBytes(outbox.resolve("000000001-MEDICARE-837P.x12")));
    }

    @Test
    void fileDropRefusesANameThatEscapesTheOutbox() throws IOException {
        FileDropGateway gateway = new FileDropGateway(outbox);
        assertThrows(IOException.class, () -> gateway.submit("../escape.x12", new byte[1]));
    }

    @Test
    void retriesBackOffExponentiallyAndSucceedOnTheThirdAttempt() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        List<Duration> waits = new ArrayList<>();
        ClaimGateway flaky = new ClaimGateway() {
            @Override
            public String name() {
                return "flaky";
            }

            @Override
            public void submit(String fileName, byte[] interchange) throws IOException {
                if (calls.incrementAndGet() < 3) {
                    throw new IOException("connection refused");
                }
            }
        };
        RetryingGateway retrying = new RetryingGateway(flaky, 4, Duration.ofMillis(100), waits::add);

        retrying.submit("f.x12", new byte[1]);

        assertEquals(3, retrying.lastAttempts());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), waits);
    }

    @Test
    void retriesGiveUpAfterTheLastAttempt() {
        ClaimGateway down = new ClaimGateway() {
            @Override
            public String name() {
                return "down";
            }

            @Override
            public void submit(String fileName, byte[] interchange) throws IOException {
                throw new IOException("down");
            }
        };
        RetryingGateway retrying = new RetryingGateway(down, 2, Duration.ofMillis(1), d -> { });
        assertThrows(IOException.class, () -> retrying.submit("f.x12", new byte[1]));
        assertEquals(2, retrying.lastAttempts());
    }

    @Test
    void httpAdapterPostsTheInterchangeAndTreatsNon2xxAsFailure() throws IOException {
        List<String> received = new ArrayList<>();
        AtomicInteger status = new AtomicInteger(202);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/interchanges", exchange -> {
            received.add(exchange.getRequestHeaders().getFirst("X-Filename") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
        try {
            HttpGateway gateway = new HttpGateway(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                    + "/v1/interchanges"), Duration.ofSeconds(5));
            gateway.submit("a.x12", "ISA".getBytes(StandardCharsets.US_ASCII));
            status.set(503);
            assertThrows(IOException.class, () -> gateway.submit("b.x12", "ISA".getBytes(StandardCharsets.US_ASCII)));
            assertEquals(List.of("a.x12 ISA", "b.x12 ISA"), received);
        } finally {
            server.stop(0);
        }
    }
}
