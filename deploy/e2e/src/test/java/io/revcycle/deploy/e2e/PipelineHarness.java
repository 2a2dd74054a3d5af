package io.revcycle.deploy.e2e;

import io.revcycle.deploy.embedded.EmbeddedStack;
import io.revcycle.deploy.feed.Channel;
import io.revcycle.deploy.feed.Delivery;
import io.revcycle.deploy.feed.FeedSettings;
import io.revcycle.deploy.feed.generate.GeneratorSettings;
import io.revcycle.deploy.simulator.ClearinghouseSimulator;
import io.revcycle.deploy.simulator.SimulatorSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * The whole pipeline for one test or benchmark run: the embedded broker and registry in this JVM,
 * the four services as child processes from their self-contained jars (each on a free port, with its
 * state and the clearinghouse folders under one work directory), and the payer/clearinghouse
 * simulator in this JVM answering the claim builder's 837s with no remittance delay.
 */
public final class PipelineHarness implements AutoCloseable {

    /** Source system of the feed; the API key is made per run. */
    public static final String SOURCE_SYSTEM = "e2e";
    /** How long a claim waits for its interchange to fill (production default: 30 s). */
    public static final String BATCH_WINDOW = "500ms";
    public static final List<String> SERVICES = List.of("encounter-ingest", "coding-service", "claim-builder", "payment-posting");

    private final Path workDir;
    private final String apiKey = UUID.randomUUID().toString();
    private final List<ServiceProcess> services = new ArrayList<>();
    private EmbeddedStack stack;
    private ClearinghouseSimulator simulator;
    private volatile int mllpPort;
    /** Kills the children should this JVM end without {@link #close()} (Ctrl-C on the benchmark, a killed build). */
    private final Thread killChildrenOnExit = new Thread(() -> services.forEach(s -> s.stop(Duration.ofSeconds(5))),
            "stop-pipeline-services");

    private PipelineHarness(Path workDir) {
        this.workDir = workDir;
    }

    /** Where the services' jars are expected, from the build of this module. */
    public static Map<String, Path> serviceJars() {
        Properties build = new Properties();
        try (InputStream in = PipelineHarness.class.getResourceAsStream("/e2e.properties")) {
            build.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("e2e.properties is part of this module's test resources", e);
        }
        Path root = Path.of(build.getProperty("projectRoot")).toAbsolutePath().normalize();
        Map<String, Path> jars = new LinkedHashMap<>();
        for (String service : SERVICES) {
            jars.put(service, root.resolve(service).resolve("target").resolve(service + "-" + build.getProperty("version") + ".jar"));
        }
        return jars;
    }

    /** The jars that are not built yet. */
    public static List<Path> missingJars() {
        return serviceJars().values().stream().filter(jar -> !Files.isRegularFile(jar)).toList();
    }

    /**
     * Starts everything and waits until each service reports UP.
     *
     * @param payerProfiles properties changing the simulator's payer profiles (see deploy/local's README), or null
     */
    public static PipelineHarness start(Path workDir, Path payerProfiles, long payerSeed, Duration healthWithin)
            throws IOException, InterruptedException {
        return start(workDir, payerProfiles, payerSeed, healthWithin, Map.of());
    }

    /**
     * Starts everything as {@link #start(Path, Path, long, String, Duration)} does, with more settings
     * given to every service as system properties (e.g. a Kafka Streams consumer setting).
     */
    public static PipelineHarness start(Path workDir, Path payerProfiles, long payerSeed, Duration healthWithin,
                                        Map<String, String> serviceProperties) throws IOException, InterruptedException {
        PipelineHarness harness = new PipelineHarness(workDir);
        try {
            harness.startAll(payerProfiles, payerSeed, healthWithin, serviceProperties);
            return harness;
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println(harness.serviceTails(60));
            harness.close();
            throw e;
        }
    }

    private void startAll(Path payerProfiles, long payerSeed, Duration healthWithin,
                          Map<String, String> serviceProperties) throws IOException, InterruptedException {
        Path clearinghouse = workDir.resolve("clearinghouse");
        Path outbox = Files.createDirectories(clearinghouse.resolve("outbox"));
        Path acks = Files.createDirectories(clearinghouse.resolve("acks"));
        Path remittances = Files.createDirectories(clearinghouse.resolve("remittances"));
        Path state = Files.createDirectories(workDir.resolve("state"));
        Path logs = Files.createDirectories(workDir.resolve("logs"));

        stack = EmbeddedStack.startTemporary();
        mllpPort = freePort();
        Map<String, Path> jars = serviceJars();
        Map<String, Map<String, String>> env = new HashMap<>();
        Map<String, Map<String, String>> props = new HashMap<>();
        env.put("encounter-ingest", Map.of("REVCYCLE_INGEST_API_KEYS", SOURCE_SYSTEM + "=" + apiKey,
                "REVCYCLE_INGEST_MLLP_PORT", Integer.toString(mllpPort)));
        props.put("encounter-ingest", Map.of("revcycle.ingest.mllp.port", Integer.toString(mllpPort)));
        env.put("coding-service", Map.of());
        props.put("coding-service", Map.of());
        env.put("claim-builder", Map.of("REVCYCLE_CLAIMS_OUTBOX", outbox.toString(), "REVCYCLE_CLAIMS_INBOX", acks.toString(),
                "CLAIMS_SUBMISSION_MAX_WAIT", BATCH_WINDOW));
        // batches leave after half a second and acknowledgments are read often, so claims do not wait on timers
        props.put("claim-builder", Map.of("claims.submission.outbox", outbox.toString(), "claims.acks.inbox", acks.toString(),
                "claims.submission.max-wait", BATCH_WINDOW, "claims.submission.check-every", "100ms",
                "claims.acks.poll-interval", "250ms"));
        env.put("payment-posting", Map.of("REVCYCLE_REMITTANCE_INBOX", remittances.toString(),
                "REVCYCLE_PSEUDONYM_SECRET", "e2e-pseudonym-secret-" + UUID.randomUUID()));
        props.put("payment-posting", Map.of("payments.intake.inbox", remittances.toString(),
                "payments.intake.poll-interval", "250ms"));

        // the children run from copies: a build of a service while they run rewrites its jar under them
        Path jarCopies = Files.createDirectories(workDir.resolve("jars"));
        Runtime.getRuntime().addShutdownHook(killChildrenOnExit);
        for (String service : SERVICES) {
            Path jar = Files.copy(jars.get(service), jarCopies.resolve(service + ".jar"), StandardCopyOption.REPLACE_EXISTING);
            Map<String, String> environment = new HashMap<>(env.get(service));
            environment.put("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers());
            environment.put("SCHEMA_REGISTRY_URL", stack.registryUrl());
            environment.put("REVCYCLE_STATE_DIR", state.toString());
            int port = freePort();
            environment.put("REVCYCLE_HTTP_PORT", Integer.toString(port));
            Map<String, String> properties = new HashMap<>(serviceProperties);
            properties.putAll(props.get(service));
            services.add(ServiceProcess.start(service, jar, port, environment, properties, logs));
        }

        SimulatorSettings settings = new SimulatorSettings(outbox, acks, remittances, clearinghouse.resolve("simulator"),
                Duration.ZERO, Duration.ofMillis(200), payerSeed, "CLEARINGHOUSE", "T", Clock.systemUTC());
        simulator = payerProfiles == null ? ClearinghouseSimulator.withDefaultProfiles(settings)
                : ClearinghouseSimulator.withProfiles(settings, payerProfiles);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (ServiceProcess service : services) {
            if (!service.awaitHealthy(http, healthWithin)) {
                throw new IllegalStateException(service.name() + " did not report UP within " + healthWithin
                        + (service.alive() ? "" : " (it exited)") + "; its output: " + service.log());
            }
        }
        simulator.start();
    }

    /**
     * Ingest's FHIR and HL7 readers do not carry all of what an institutional (837I) claim needs
     * (revenue codes, admission type, discharge status): a hospital encounter sent in those formats may
     * stop at the claim scrubber for exactly that, and for nothing else (the known gap).
     */
    public static boolean hospitalClaimWithoutRevenueCodes(Delivery d) {
        return d.encounter().institutional() && d.channel() != Channel.JSON && d.channel() != Channel.JSON_BATCH;
    }

    /** Feed settings aimed at this stack's ingest service (HTTP and MLLP) with this run's API key. */
    public FeedSettings feedSettings(GeneratorSettings generator) {
        return FeedSettings.defaults(apiKey)
                .withIngest(URI.create("http://localhost:" + service("encounter-ingest").httpPort()), apiKey, SOURCE_SYSTEM)
                .withMllp("localhost", mllpPort)
                .withGenerator(generator);
    }

    public PipelineObserver observe() {
        return new PipelineObserver(stack.bootstrapServers(), stack.registryUrl());
    }

    public EmbeddedStack stack() {
        return stack;
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    public ServiceProcess service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** Where the 835s end up: payment posting's inbox and the folders it moves files into. */
    public List<Path> remittanceDirectories() {
        Path remittances = workDir.resolve("clearinghouse").resolve("remittances");
        return List.of(remittances, remittances.resolve("processed"), remittances.resolve("failed"));
    }

    /** Kills a service without warning (SIGKILL: no shutdown hook runs, no Kafka client closes). */
    public void kill(String name) throws InterruptedException {
        service(name).kill();
    }

    /**
     * Starts a killed service again from the same jar with the same environment, so with the same state
     * directory and Kafka Streams application id, on its old HTTP port (for ingest also its old MLLP
     * port) unless another process took it meanwhile. Does not wait: see {@link #awaitHealthy(String, Duration)}.
     */
    public void restart(String name) throws IOException {
        ServiceProcess service = service(name);
        Map<String, String> env = new HashMap<>();
        Map<String, String> props = new HashMap<>();
        int port = service.httpPort();
        if (!isFree(port)) {
            port = freePort();
            env.put("REVCYCLE_HTTP_PORT", Integer.toString(port));
        }
        if (name.equals("encounter-ingest") && !isFree(mllpPort)) {
            mllpPort = freePort();
            env.put("REVCYCLE_INGEST_MLLP_PORT", Integer.toString(mllpPort));
            props.put("revcycle.ingest.mllp.port", Integer.toString(mllpPort));
        }
        service.restart(env, props, port);
    }

    /** Waits until a service reports UP; fails if it does not within the time given. */
    public void awaitHealthy(String name, Duration within) throws InterruptedException {
        ServiceProcess service = service(name);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        if (!service.awaitHealthy(http, within)) {
            throw new IllegalStateException(name + " did not report UP within " + within
                    + (service.alive() ? "" : " (it exited)") + "; its output: " + service.log());
        }
    }

    public Path clearinghouse() {
        return workDir.resolve("clearinghouse");
    }

    /** Peak resident memory of the children (VmHWM) plus this JVM's, in bytes. */
    public long peakResidentBytes() {
        long total = ServiceProcess.peakResidentBytes(ProcessHandle.current().pid());
        for (ServiceProcess s : services) {
            total += Math.max(0, s.peakResidentBytes());
        }
        return total;
    }

    /** The last lines of every service's output, for a failure message. */
    public String serviceTails(int lines) {
        StringBuilder out = new StringBuilder();
        for (ServiceProcess s : services) {
            out.append("\n===== ").append(s.name()).append(s.alive() ? "" : " (exited)").append(", last ").append(lines)
                    .append(" lines of ").append(s.log()).append(" =====\n").append(s.tail(lines)).append('\n');
        }
        return out.toString();
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** Stops the simulator, then every service (SIGTERM, killed after a grace period), then the broker and registry. */
    @Override
    public void close() {
        if (simulator != null) {
            simulator.close();
        }
        List<Thread> stopping = new ArrayList<>();
        for (ServiceProcess s : services) {
            Thread t = new Thread(() -> s.stop(Duration.ofSeconds(15)), "stop-" + s.name());
            t.start();
            stopping.add(t);
        }
        for (Thread t : stopping) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (stack != null) {
            stack.close();
        }
        deleteJarCopies();
        try {
            Runtime.getRuntime().removeShutdownHook(killChildrenOnExit);
        } catch (IllegalStateException | IllegalArgumentException exitingOrNeverAdded) {
            // nothing to remove
        }
    }

    private void deleteJarCopies() {
        Path copies = workDir.resolve("jars");
        for (String service : SERVICES) {
            try {
                Files.deleteIfExists(copies.resolve(service + ".jar"));
            } catch (IOException e) {
                System.err.println("could not delete " + copies.resolve(service + ".jar") + ": " + e.getMessage());
            }
        }
    }
}
