package io.revcycle.deploy.local;

import io.revcycle.deploy.embedded.EmbeddedStack;
import io.revcycle.deploy.feed.FeedSettings;
import io.revcycle.deploy.feed.SyntheticEhrFeed;
import io.revcycle.deploy.simulator.ClearinghouseSimulator;
import io.revcycle.deploy.simulator.SimulatorSettings;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The whole pipeline on one machine: the embedded Kafka broker and schema registry in this JVM, the
 * payer/clearinghouse simulator over {@code <data-dir>/clearinghouse}, the four services and the
 * operations dashboard as child processes, and with {@code --demo-rate N} the synthetic EHR feed
 * sending N encounters per second through the real ingest endpoints. Checks ports, the data
 * directory and the jars before starting anything; Ctrl-C stops the feed, the children, then the
 * simulator, then the broker.
 */
public final class LocalStackMain {

    private static final long STOP_WAIT_SECONDS = 20;

    private LocalStackMain() {
    }

    public static void main(String[] args) throws Exception {
        if (LocalStackOptions.wantsHelp(args)) {
            System.out.print(LocalStackOptions.USAGE);
            return;
        }
        LocalStackOptions options;
        try {
            options = LocalStackOptions.parse(args, Path.of(System.getProperty("revcycle.home", ".")));
        } catch (LocalStackOptions.UsageException e) {
            System.err.println(e.getMessage());
            System.err.print(LocalStackOptions.USAGE);
            System.exit(2);
            return;
        }
        DataDirectory data = new DataDirectory(options.dataDir());
        List<String> problems = new ArrayList<>(StackPorts.taken(StackPorts.required()));
        List<ServiceLaunch> launched = new ArrayList<>(ServiceLaunch.services(data, ""));
        launched.add(ServiceLaunch.dashboard());
        for (Path jar : ServiceLaunch.missingJars(launched, options.home())) {
            problems.add("service jar " + jar + " is missing; build first (deploy/run does: mvn install -DskipTests)");
        }
        try {
            if (options.reset()) {
                data.reset();
            }
            data.prepare();
        } catch (IOException | SecurityException e) {
            problems.add("data directory " + data.root() + " is not usable: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            System.err.println("cannot start the local stack:");
            problems.forEach(p -> System.err.println("  " + p));
            System.exit(2);
            return;
        }
        new LocalStackMain().run(options, data);
    }

    private void run(LocalStackOptions options, DataDirectory data) throws Exception {
        String apiKey = data.apiKey();
        long started = System.nanoTime();
        EmbeddedStack stack = EmbeddedStack.start(data.root(), StackPorts.KAFKA, StackPorts.REGISTRY);
        SimulatorSettings settings = SimulatorSettings.under(data.clearinghouse(), options.remittanceDelay(), options.seed());
        ClearinghouseSimulator simulator = options.payerProfiles() == null
                ? ClearinghouseSimulator.withDefaultProfiles(settings)
                : ClearinghouseSimulator.withProfiles(settings, options.payerProfiles());
        simulator.start();
        List<ServiceLaunch> services = new ArrayList<>(ServiceLaunch.services(data, apiKey));
        services.add(ServiceLaunch.dashboard());
        List<Process> children = new ArrayList<>();
        SyntheticEhrFeed feed = options.demoRate() > 0
                ? new SyntheticEhrFeed(FeedSettings.defaults(apiKey).withPace(options.demoRate(), 0, null))
                : null;
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            System.out.println("stopping the local stack ...");
            if (feed != null) {
                feed.stop();
            }
            stopChildren(children);
            simulator.close();
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        for (ServiceLaunch service : services) {
            Process process = service.start(options.home(), stack.bootstrapServers(), stack.registryUrl(), data);
            synchronized (children) {
                children.add(process);
            }
            process.onExit().thenAccept(p -> {
                if (!stopping.get()) {
                    System.err.printf("%s exited with code %d; see %s%n", service.name(), p.exitValue(), service.log(data));
                }
            });
        }
        printBanner(options, data, services, stack, apiKey, (System.nanoTime() - started) / 1_000_000);
        if (feed != null) {
            Thread feeder = new Thread(() -> feedOnceIngestAnswers(feed, stopping), "synthetic-ehr-feed");
            feeder.setDaemon(true);
            feeder.start();
        }
        stopped.await();
    }

    private static void printBanner(LocalStackOptions options, DataDirectory data, List<ServiceLaunch> services,
                                    EmbeddedStack stack, String apiKey, long millis) {
        System.out.printf("local stack started in %d ms (services take a few more seconds to answer)%n", millis);
        System.out.println("  kafka bootstrap servers  " + stack.bootstrapServers());
        System.out.println("  schema registry          " + stack.registryUrl());
        for (ServiceLaunch s : services) {
            System.out.printf("  %-24s http://localhost:%d   (health /health, log %s)%n", s.name(), s.httpPort(), s.log(data));
        }
        System.out.println("  HL7v2 MLLP               localhost:" + StackPorts.MLLP);
        System.out.println("  clearinghouse            " + data.clearinghouse() + "  (outbox, acks, remittances; 835s after "
                + options.remittanceDelay().toSeconds() + " s)");
        System.out.println("  data directory           " + data.root());
        System.out.println("  local API key            " + apiKey + "   (header X-API-Key, source system 'local')");
        if (options.demoRate() > 0) {
            System.out.println("  synthetic EHR feed       " + options.demoRate()
                    + " encounters/s in JSON, FHIR R4 and HL7v2 (HTTP and MLLP), once ingest answers");
        }
        System.out.println("press Ctrl-C to stop");
    }

    /** Starts the feed when ingest reports healthy (services take a few seconds to start). */
    private static void feedOnceIngestAnswers(SyntheticEhrFeed feed, AtomicBoolean stopping) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + StackPorts.INGEST + "/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!stopping.get() && System.nanoTime() < deadline) {
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    System.out.println("synthetic EHR feed started");
                    feed.run();
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!stopping.get()) {
            System.err.println("encounter-ingest did not become healthy within 3 minutes; the synthetic EHR feed is not started");
        }
    }

    /** Asks every child to stop (SIGTERM), waits for them together, then kills what is left. */
    private static void stopChildren(List<Process> children) {
        List<Process> running;
        synchronized (children) {
            running = List.copyOf(children);
        }
        running.forEach(Process::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS);
        for (Process p : running) {
            try {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !p.waitFor(left, TimeUnit.NANOSECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
