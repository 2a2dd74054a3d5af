package io.revcycle.deploy.e2e;

import io.revcycle.deploy.local.ServiceLaunch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * One service running as a child process from its self-contained jar, with its output in a log file.
 * It can be killed without warning and started again from the same jar with the same settings, as a
 * crashed service is restarted by its supervisor.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Path jar;
    private final Path log;
    private final Map<String, String> environment;
    private final Map<String, String> properties;
    private volatile int httpPort;
    private volatile Process process;

    private ServiceProcess(String name, Path jar, int httpPort, Map<String, String> environment,
                           Map<String, String> properties, Path log) {
        this.name = name;
        this.jar = jar;
        this.httpPort = httpPort;
        this.environment = new HashMap<>(environment);
        this.properties = new HashMap<>(properties);
        this.log = log;
    }

    /**
     * Starts {@code java <the local stack's JVM options> -D<properties> -jar <jar>} with the given environment
     * added to this JVM's, so services run here exactly as {@code deploy/run} runs them.
     * Settings are passed both ways because system properties outrank application.yml, whose nested
     * defaults do not always resolve to an environment variable's value.
     */
    public static ServiceProcess start(String name, Path jar, int httpPort, Map<String, String> environment,
                                       Map<String, String> properties, Path logDir) throws IOException {
        Files.createDirectories(logDir);
        ServiceProcess service = new ServiceProcess(name, jar, httpPort, environment, properties,
                logDir.resolve(name + ".log"));
        service.process = service.launch(ProcessBuilder.Redirect.to(service.log.toFile()));
        return service;
    }

    private Process launch(ProcessBuilder.Redirect output) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ServiceLaunch.JVM_OPTIONS);
        new TreeMap<>(properties).forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(ServiceLaunch.NATIVE_MEMORY);
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        builder.redirectOutput(output);
        return builder.start();
    }

    /**
     * Kills the process without warning (SIGKILL: no shutdown hook, no graceful close of Kafka clients
     * or Streams) and waits until it is gone.
     */
    public void kill() throws InterruptedException {
        Process dying = process;
        dying.destroyForcibly();
        if (!dying.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (pid " + dying.pid() + ") still runs 30 s after SIGKILL");
        }
    }

    /**
     * Starts the service again from the same jar with the same environment and properties (so the
     * same state directory), after it was killed or stopped; its output goes on in the same log.
     *
     * @param changedEnvironment  settings to change, e.g. a port another process took meanwhile; usually empty
     * @param changedProperties   the same for system properties
     * @param newHttpPort         the HTTP port the changed settings give it (its old one if unchanged)
     */
    public void restart(Map<String, String> changedEnvironment, Map<String, String> changedProperties, int newHttpPort)
            throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        environment.putAll(changedEnvironment);
        properties.putAll(changedProperties);
        httpPort = newHttpPort;
        Files.writeString(log, "\n===== restarted " + Instant.now() + " (previous pid " + process.pid() + ", exit "
                + process.exitValue() + ") =====\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        process = launch(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    public String name() {
        return name;
    }

    public int httpPort() {
        return httpPort;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** Polls {@code /health} until it answers 200 with status UP; false when the deadline passes or the process dies. */
    public boolean awaitHealthy(HttpClient http, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        Process process = this.process;
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/health"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        return false;
    }

    /** Peak resident set of the process (VmHWM in /proc), in bytes; -1 where /proc is not available. */
    public long peakResidentBytes() {
        return peakResidentBytes(process.pid());
    }

    public static long peakResidentBytes(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    String kb = line.substring("VmHWM:".length()).replace("kB", "").strip();
                    return Long.parseLong(kb) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** The last lines of the service's output. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** Asks the service to stop (SIGTERM), then kills it if it has not within the grace period. */
    public void stop(Duration grace) {
        Process process = this.process;
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(15));
    }
}
