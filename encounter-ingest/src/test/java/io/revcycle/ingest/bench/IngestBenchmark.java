package io.revcycle.ingest.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.revcycle.deploy.embedded.EmbeddedStack;
import io.revcycle.events.EncounterReceived;
import io.revcycle.events.SourceFormat;
import io.revcycle.ingest.Fixtures;
import io.revcycle.ingest.encounter.EncounterEvents;
import io.revcycle.ingest.publish.LedgerReadiness;
import io.revcycle.schemas.EventHeaders;
import io.revcycle.schemas.Topics;
import io.revcycle.schemas.serde.AvroSerdeConfig;
import io.revcycle.schemas.serde.KafkaAvroSerializer;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prints accepted encounters per second and latency percentiles over HTTP (single endpoint with
 * keep-alive, batch endpoint, and a paced 1,000/s run), and in the same run the rate of a raw
 * idempotent producer sending the same Avro events to the same embedded broker, with their ratio.
 * Load generator, service, broker and registry share the machine.
 *
 * <p>Arguments (optional): encounters per phase (default 20000), HTTP concurrency (default 32).
 */
public final class IngestBenchmark {

    private static final String KEY = "bench-key";

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        String template = Fixtures.text("json/office-visit.json");
        try (EmbeddedStack stack = EmbeddedStack.startTemporary();
             ApplicationContext context = ApplicationContext.run(Map.of(
                     "kafka.bootstrap.servers", stack.bootstrapServers(),
                     "kafka.schema.registry.url", stack.registryUrl(),
                     "micronaut.server.port", -1,
                     "revcycle.ingest.api-keys", "bench=" + KEY,
                     "revcycle.ingest.mllp.enabled", false))) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            LedgerReadiness readiness = context.getBean(LedgerReadiness.class);
            while (!readiness.ready()) {
                Thread.sleep(100);
            }
            URI base = server.getURI();
            ExecutorService clientThreads = Executors.newFixedThreadPool(4);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientThreads).build();

            warmUp(http, base, template);
            Result raw = rawProducer(stack, template, n);
            Result single = single(http, base, template, n, concurrency);
            Result batch = batch(http, base, template, n * 2, 500, 4);
            Result paced = paced(http, base, template, 1_000, 5);

            System.out.println();
            System.out.println("encounter-ingest benchmark (" + Runtime.getRuntime().availableProcessors() + " CPUs, "
                    + "service + broker + registry + load generator in one JVM)");
            System.out.println(raw.line("raw idempotent producer (acks=all)"));
            System.out.println(single.line("HTTP single, keep-alive, c=" + concurrency));
            System.out.println(batch.line("HTTP batch of 500, c=4 (latency per batch)"));
            System.out.println(paced.line("HTTP single paced at 1,000/s"));
            System.out.printf("ratio HTTP single / raw producer: %.2f%n", single.perSecond / raw.perSecond);
            System.out.printf("ratio HTTP batch  / raw producer: %.2f%n", batch.perSecond / raw.perSecond);
            clientThreads.shutdown();
        }
        System.exit(0);
    }

    private record Result(int count, double perSecond, double p50Ms, double p99Ms) {
        String line(String label) {
            return String.format("%-46s %8d encounters %10.0f /s   p50 %7.2f ms   p99 %7.2f ms", label, count, perSecond, p50Ms, p99Ms);
        }
    }

    private static String body(String template, String prefix, int i) {
        return template.replace("ENC-2026-110201", prefix + "-" + i);
    }

    private static void warmUp(HttpClient http, URI base, String template) throws Exception {
        for (int i = 0; i < 2_000; i++) {
            http.send(post(base, "/v1/encounters", body(template, "WARM", i)), HttpResponse.BodyHandlers.discarding());
        }
    }

    private static HttpRequest post(URI base, String path, String body) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .header("X-API-Key", KEY).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static Result rawProducer(EmbeddedStack stack, String template, int n) throws Exception {
        List<EncounterReceived> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String id = "RAW-" + i;
            events.add(EncounterEvents.canonical(Fixtures.submission(body(template, "RAW", i)), "bench")
                    .toEvent(EventHeaders.create(EncounterEvents.PRODUCER, id, null), 1, SourceFormat.JSON, Instant.now()));
        }
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.registryUrl()), false);
        long[] latencies = new long[n];
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config, new StringSerializer(), serializer)) {
            CountDownLatch done = new CountDownLatch(n);
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                int index = i;
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(Topics.ENCOUNTERS.name(), events.get(i).getEncounterId(), events.get(i)), (m, e) -> {
                    latencies[index] = System.nanoTime() - sent;
                    done.countDown();
                });
            }
            done.await();
            return result(n, System.nanoTime() - start, latencies);
        }
    }

    private static Result single(HttpClient http, URI base, String template, int n, int concurrency) throws Exception {
        List<String> bodies = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            bodies.add(body(template, "SINGLE", i));
        }
        long[] latencies = new long[n];
        AtomicInteger next = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            workers.execute(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<Void> r = http.send(post(base, "/v1/encounters", bodies.get(i)), HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() != 202) {
                            throw new IllegalStateException("status " + r.statusCode());
                        }
                    } catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                    latencies[i] = System.nanoTime() - sent;
                }
            });
        }
        workers.shutdown();
        workers.awaitTermination(1, TimeUnit.HOURS);
        return result(n, System.nanoTime() - start, latencies);
    }

    private static Result batch(HttpClient http, URI base, String template, int n, int size, int concurrency) throws Exception {
        int batches = n / size;
        List<String> bodies = new ArrayList<>(batches);
        for (int b = 0; b < batches; b++) {
            StringBuilder sb = new StringBuilder("{\"encounters\": [");
            for (int i = 0; i < size; i++) {
                sb.append(i == 0 ? "" : ",").append(body(template, "BATCH", b * size + i));
            }
            bodies.add(sb.append("]}").toString());
        }
        long[] latencies = new long[batches];
        AtomicInteger next = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            workers.execute(() -> {
                int b;
                while ((b = next.getAndIncrement()) < batches) {
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<Void> r = http.send(post(base, "/v1/encounters/batch", bodies.get(b)), HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() != 202) {
                            throw new IllegalStateException("status " + r.statusCode());
                        }
                    } catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                    latencies[b] = System.nanoTime() - sent;
                }
            });
        }
        workers.shutdown();
        workers.awaitTermination(1, TimeUnit.HOURS);
        Result perBatch = result(batches, System.nanoTime() - start, latencies);
        return new Result(batches * size, perBatch.perSecond * size, perBatch.p50Ms, perBatch.p99Ms);
    }

    private static Result paced(HttpClient http, URI base, String template, int perSecond, int seconds) throws Exception {
        int n = perSecond * seconds;
        long[] latencies = new long[n];
        List<CompletableFuture<?>> pending = new ArrayList<>(n);
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long due = start + i * interval;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            int index = i;
            long sent = System.nanoTime();
            pending.add(http.sendAsync(post(base, "/v1/encounters", body(template, "PACED", i)), HttpResponse.BodyHandlers.discarding())
                    .thenAccept(r -> latencies[index] = System.nanoTime() - sent));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(1, TimeUnit.MINUTES);
        return result(n, System.nanoTime() - start, latencies);
    }

    private static Result result(int count, long elapsedNanos, long[] latencies) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Result(count, count / (elapsedNanos / 1e9), percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
