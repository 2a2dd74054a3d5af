package io.revcycle.deploy.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * How one service runs as a child process: {@code java -cp <the service's jar> <main class>} with
 * its settings in the environment. Each service's build makes a self-contained jar
 * ({@code <module>/target/<artifact>-<version>.jar}), so its jar is its whole runtime classpath.
 *
 * @param name      the service, as printed and used for its log file
 * @param module    module directory in the project checkout
 * @param mainClass the service's application class
 * @param httpPort  REVCYCLE_HTTP_PORT
 * @param settings  service-specific environment (directories, keys, extra ports)
 * @param properties the service's directory settings again as system properties, which outrank
 *                   application.yml: its nested defaults such as {@code ${REVCYCLE_CLAIMS_INBOX:${java.io.tmpdir}/...}}
 *                   do not resolve to the variable's value alone
 */
public record ServiceLaunch(String name, String module, String mainClass, int httpPort, Map<String, String> settings,
                            Map<String, String> properties) {

    /**
     * JVM options of every child, sized so the four services, the dashboard and the launcher stay
     * under 2 GiB resident together: a small heap that starts small (the default initial heap is a
     * 64th of the machine's memory, which on a large machine commits the whole maximum at start)
     * with the serial collector (no parallel GC threads and their memory on a machine of a few
     * cores), small thread stacks, a bounded code cache, and the client compiler only: on a machine
     * of two cores shared by six JVMs the optimising compiler's own work costs more than its faster
     * code saves (measured on the whole pipeline, 20,000 encounters: 6.5 ms of CPU per encounter
     * instead of 9.7 ms, 277 instead of 190 encounters/s, 2.0 instead of 2.3 GiB resident).
     */
    public static final List<String> JVM_OPTIONS = List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-Xss512k",
            "-XX:ReservedCodeCacheSize=64m", "-XX:TieredStopAtLevel=1");

    /**
     * Environment of every child besides its settings: glibc otherwise keeps up to eight malloc
     * arenas per core, which RocksDB and the JVM's threads fill and never hand back.
     */
    public static final Map<String, String> NATIVE_MEMORY = Map.of("MALLOC_ARENA_MAX", "2");

    public ServiceLaunch {
        settings = Map.copyOf(settings);
        properties = Map.copyOf(properties);
    }

    /** The four services wired to the stack's directories and the local API key. */
    public static List<ServiceLaunch> services(DataDirectory data, String apiKey) {
        Path clearinghouse = data.clearinghouse();
        String outbox = clearinghouse.resolve("outbox").toString();
        String acks = clearinghouse.resolve("acks").toString();
        String remittances = clearinghouse.resolve("remittances").toString();
        return List.of(
                new ServiceLaunch("encounter-ingest", "encounter-ingest", "io.revcycle.ingest.EncounterIngestApplication",
                        StackPorts.INGEST, Map.of("REVCYCLE_INGEST_API_KEYS", "local=" + apiKey,
                                "REVCYCLE_INGEST_MLLP_PORT", Integer.toString(StackPorts.MLLP)), Map.of()),
                new ServiceLaunch("coding-service", "coding-service", "io.revcycle.coding.CodingServiceApplication",
                        StackPorts.CODING, Map.of(), Map.of()),
                new ServiceLaunch("claim-builder", "claim-builder", "io.revcycle.claims.ClaimBuilderApplication",
                        StackPorts.CLAIMS, Map.of("REVCYCLE_CLAIMS_OUTBOX", outbox, "REVCYCLE_CLAIMS_INBOX", acks),
                        // acknowledgments are read often so they land before the 835s of the same claims
                        Map.of("claims.submission.outbox", outbox, "claims.acks.inbox", acks,
                                "claims.acks.poll-interval", "500ms")),
                new ServiceLaunch("payment-posting", "payment-posting", "io.revcycle.payments.PaymentPostingApplication",
                        StackPorts.PAYMENTS, Map.of("REVCYCLE_REMITTANCE_INBOX", remittances),
                        Map.of("payments.intake.inbox", remittances)));
    }

    /** The operations dashboard, reading the stack and probing the four services on their default ports. */
    public static ServiceLaunch dashboard() {
        return new ServiceLaunch("dashboard", "deploy/dashboard", "io.revcycle.deploy.dashboard.DashboardApplication",
                StackPorts.DASHBOARD, Map.of(), Map.of());
    }

    /** The module's jar in the checkout at {@code home} (named after the module folder's last segment). */
    public Path jar(Path home) {
        String artifact = Path.of(module).getFileName().toString();
        return home.toAbsolutePath().normalize().resolve(module).resolve("target").resolve(artifact + "-" + version() + ".jar");
    }

    /** {@code java <JVM options> -D… -cp <jar> <main class>}, with the java of this JVM. */
    public List<String> command(Path home) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        new TreeMap<>(properties).forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(jar(home).toString());
        command.add(mainClass);
        return command;
    }

    /** Environment of the child: where Kafka, the registry and its state are, its port, and its own settings. */
    public Map<String, String> environment(String bootstrapServers, String registryUrl, DataDirectory data) {
        Map<String, String> env = new LinkedHashMap<>(NATIVE_MEMORY);
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("SCHEMA_REGISTRY_URL", registryUrl);
        env.put("REVCYCLE_STATE_DIR", data.state().toString());
        env.put("REVCYCLE_HTTP_PORT", Integer.toString(httpPort));
        env.putAll(settings);
        return env;
    }

    /** Starts the child with its output in {@code logs/<name>.log}. */
    public Process start(Path home, String bootstrapServers, String registryUrl, DataDirectory data) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(home));
        builder.environment().putAll(environment(bootstrapServers, registryUrl, data));
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log(data).toFile()));
        return builder.start();
    }

    public Path log(DataDirectory data) {
        return data.logs().resolve(name + ".log");
    }

    /** The jars of these services that are missing in {@code home}: each needs a build first. */
    public static List<Path> missingJars(List<ServiceLaunch> services, Path home) {
        return services.stream().map(s -> s.jar(home)).filter(jar -> !Files.isRegularFile(jar)).toList();
    }

    /** The project version the services are built with, recorded when this module was built. */
    static String version() {
        try (InputStream in = ServiceLaunch.class.getResourceAsStream("/local-stack.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("local-stack.properties is part of this module's build", e);
        }
    }
}
