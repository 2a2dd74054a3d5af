package io.revcycle.deploy.registry.bench;

import io.revcycle.deploy.kafka.EmbeddedKafkaBroker;
import io.revcycle.deploy.registry.SchemaRegistryServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Prints how fast the registry registers new schemas (each one written to {@code _schemas} and
 * read back before the answer) and serves a schema by id, over HTTP against an in-JVM broker.
 * Run: {@code java -cp <test classpath> io.revcycle.deploy.registry.bench.RegistryThroughputBench [count]}.
 */
public final class RegistryThroughputBench {

    private RegistryThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        HttpClient client = HttpClient.newHttpClient();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary()) {
            long startNanos = System.nanoTime();
            SchemaRegistryServer registry = SchemaRegistryServer.start(broker.bootstrapServers(), 0);
            System.out.printf("registry started (topic created and replayed) in %d ms%n",
                    (System.nanoTime() - startNanos) / 1_000_000);
            try (registry) {
                warmUp(client, registry.url());
                long registerNanos = time(() -> {
                    for (int i = 0; i < count; i++) {
                        String schema = "{\"type\":\"record\",\"name\":\"Bench" + i + "\",\"fields\":[{\"name\":\"f\",\"type\":\"string\"}]}";
                        send(client, registry.url(), "POST", "/subjects/bench-" + i + "-value/versions",
                                "{\"schema\":" + quote(schema) + "}");
                    }
                });
                long lookupNanos = time(() -> {
                    for (int i = 0; i < count * 10; i++) {
                        send(client, registry.url(), "GET", "/schemas/ids/" + (1 + i % count), null);
                    }
                });
                System.out.printf("register new schema: %d in %d ms, %.2f ms each, %.0f/s%n", count,
                        registerNanos / 1_000_000, registerNanos / 1e6 / count, count / (registerNanos / 1e9));
                System.out.printf("GET /schemas/ids/{id}: %d in %d ms, %.3f ms each, %.0f/s%n", count * 10,
                        lookupNanos / 1_000_000, lookupNanos / 1e6 / (count * 10), count * 10 / (lookupNanos / 1e9));
            }
            long restartNanos = time(() -> SchemaRegistryServer.start(broker.bootstrapServers(), 0).close());
            System.out.printf("restart replaying %d schemas: %d ms%n", count + 1, restartNanos / 1_000_000);
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static long time(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    private static void warmUp(HttpClient client, String url) throws Exception {
        send(client, url, "POST", "/subjects/warm-up-value/versions", "{\"schema\":\"\\\"string\\\"\"}");
        for (int i = 0; i < 200; i++) {
            send(client, url, "GET", "/subjects", null);
        }
    }

    private static void send(HttpClient client, String url, String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
