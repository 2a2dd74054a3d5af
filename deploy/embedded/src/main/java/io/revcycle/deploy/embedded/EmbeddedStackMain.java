package io.revcycle.deploy.embedded;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded default on fixed ports: Kafka on 9092, the schema registry on 8085, data kept
 * in {@code --data-dir} (default {@code ./revcycle-data}) so a restart keeps topics and schemas.
 * Stops cleanly on Ctrl-C.
 *
 * <pre>
 * --data-dir DIR        where broker data and schemas live (kept across restarts)
 * --kafka-port N        Kafka client port (default 9092)
 * --registry-port N     schema registry port (default 8085)
 * </pre>
 */
public final class EmbeddedStackMain {

    private EmbeddedStackMain() {
    }

    public static void main(String[] args) throws Exception {
        // The library ships no logback.xml (it would clash with its users' own); the main brings its own.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "embedded-stack-logback.xml");
        }
        Path dataDir = Path.of("revcycle-data");
        int kafkaPort = 9092;
        int registryPort = 8085;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, "--data-dir"));
                case "--kafka-port" -> kafkaPort = Integer.parseInt(value(args, ++i, "--kafka-port"));
                case "--registry-port" -> registryPort = Integer.parseInt(value(args, ++i, "--registry-port"));
                case "--help", "-h" -> {
                    System.out.println("usage: EmbeddedStackMain [--data-dir DIR] [--kafka-port 9092] [--registry-port 8085]");
                    return;
                }
                default -> fail("unknown option " + args[i]);
            }
        }
        requireFree(kafkaPort, "Kafka");
        requireFree(registryPort, "schema registry");
        requireWritable(dataDir);

        long started = System.nanoTime();
        EmbeddedStack stack = EmbeddedStack.start(dataDir, kafkaPort, registryPort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping embedded stack ...");
            stack.close();
            stopped.countDown();
        }, "embedded-stack-shutdown"));
        System.out.printf("embedded stack ready in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        System.out.println("  kafka bootstrap servers: " + stack.bootstrapServers());
        System.out.println("  schema registry:         " + stack.registryUrl());
        System.out.println("  data directory:          " + dataDir.toAbsolutePath());
        System.out.println("press Ctrl-C to stop");
        stopped.await();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            fail(option + " needs a value");
        }
        return args[i];
    }

    private static void requireFree(int port, String what) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("localhost", port));
        } catch (IOException e) {
            fail("port " + port + " for the " + what + " is already in use; stop what holds it or choose another port");
        }
    }

    private static void requireWritable(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".probe", "");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            fail("data directory " + dir.toAbsolutePath() + " is not usable: " + e.getMessage());
        }
    }

    private static void fail(String message) {
        System.err.println("cannot start: " + message);
        System.exit(2);
    }
}
