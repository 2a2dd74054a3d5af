package io.revcycle.deploy.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A simulator over a temporary clearinghouse directory, with helpers to drop fixtures and read answers. */
final class SimulatorFiles {

    static final Instant NOW = Instant.parse("2026-03-21T09:00:00Z");

    final Path dir;
    final MutableClock clock = new MutableClock(NOW);
    final ClearinghouseSimulator simulator;

    SimulatorFiles(Path dir, Duration delay, PayerProfiles profiles) throws IOException {
        this.dir = dir;
        this.simulator = new ClearinghouseSimulator(SimulatorSettings.under(dir, delay, 20260321L).withClock(clock), profiles);
    }

    /** Without random denials, rejections, reversals or interest. */
    static SimulatorFiles quiet(Path dir) throws IOException {
        return new SimulatorFiles(dir, Duration.ZERO, PayerProfiles.defaults().withRatesScaled(0));
    }

    static byte[] fixture(String name) {
        try (InputStream in = SimulatorFiles.class.getResourceAsStream("/837/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void drop(String name, byte[] content) throws IOException {
        Files.write(dir.resolve("outbox").resolve(name), content);
    }

    void dropFixture(String fixture) throws IOException {
        drop(fixture, fixture(fixture));
    }

    /** Contents of the files in a directory whose name ends with {@code suffix}, in name order. */
    List<String> read(String subdirectory, String suffix) throws IOException {
        List<String> contents = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve(subdirectory))) {
            for (Path p : files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList()) {
                contents.add(Files.readString(p, StandardCharsets.US_ASCII));
            }
        }
        return contents;
    }

    String only(String subdirectory, String suffix) throws IOException {
        List<String> files = read(subdirectory, suffix);
        if (files.size() != 1) {
            throw new AssertionError(files.size() + " files *" + suffix + " in " + subdirectory + ", expected one");
        }
        return files.get(0);
    }
}
