package io.revcycle.deploy.registry;

import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Confluent-compatible Schema Registry storing its schemas in a compacted {@code _schemas}
 * topic. It is a plain library object (the JDK's HTTP server, no application framework) so that
 * it can run inside another application's JVM, such as a service's tests, without starting
 * anything of that application's own.
 *
 * <pre>{@code
 * try (SchemaRegistryServer registry = SchemaRegistryServer.start("localhost:9092", 8085)) {
 *     String url = registry.url(); // http://localhost:8085
 * }
 * }</pre>
 */
public final class SchemaRegistryServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryServer.class);
    private static final int HTTP_THREADS = 4;

    static {
        // The JDK server sends headers and body as separate writes; with Nagle's algorithm on, the
        // body then waits for the client's delayed ACK (about 40 ms per request). The JDK reads this
        // property once, when its first HTTP server is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final KafkaSchemaLog log;
    private final HttpServer http;
    private final ExecutorService executor;
    private boolean closed;

    private SchemaRegistryServer(KafkaSchemaLog log, HttpServer http, ExecutorService executor) {
        this.log = log;
        this.http = http;
        this.executor = executor;
    }

    /**
     * Starts a registry on localhost, storing schemas in {@code _schemas} on the given cluster.
     * Returns once the topic has been replayed, so every schema registered before is served.
     *
     * @param port HTTP port, 0 for a random free one
     */
    public static SchemaRegistryServer start(String bootstrapServers, int port) {
        return start(SchemaRegistrySettings.of(bootstrapServers, port));
    }

    /** Starts a registry with explicit settings; returns once the storage topic has been replayed. */
    public static SchemaRegistryServer start(SchemaRegistrySettings settings) {
        RegistryState state = new RegistryState();
        KafkaSchemaLog log = new KafkaSchemaLog(settings, state);
        ExecutorService executor = null;
        try {
            log.start();
            HttpServer http = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 64);
            executor = Executors.newFixedThreadPool(HTTP_THREADS, httpThreads());
            http.setExecutor(executor);
            http.createContext("/", new RegistryHttpHandler(new SchemaRegistry(state, log)));
            http.start();
            SchemaRegistryServer server = new SchemaRegistryServer(log, http, executor);
            LOG.info("schema registry listening on {} (storage {} on {})", server.url(), settings.topic(),
                    settings.bootstrapServers());
            return server;
        } catch (IOException e) {
            log.close();
            throw new UncheckedIOException("cannot listen on " + settings.host() + ":" + settings.port(), e);
        } catch (RuntimeException e) {
            log.close();
            if (executor != null) {
                executor.shutdownNow();
            }
            throw e;
        }
    }

    /** The base URL clients use as {@code schema.registry.url}. */
    public String url() {
        return "http://localhost:" + port();
    }

    public int port() {
        return http.getAddress().getPort();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        http.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        log.close();
        LOG.info("schema registry on port {} stopped", port());
    }

    private static ThreadFactory httpThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "schema-registry-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
