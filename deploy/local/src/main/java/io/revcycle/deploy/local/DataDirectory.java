package io.revcycle.deploy.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * The data directory of the local stack: {@code kafka/} (topics and schemas), {@code state/} (the
 * services' state stores), {@code clearinghouse/} (outbox, acks, remittances and the simulator's
 * work), {@code logs/} and the local API key. A reset deletes exactly these and nothing else.
 */
public final class DataDirectory {

    static final List<String> OWNED = List.of("kafka", "state", "clearinghouse", "logs", "local-api-key");

    private final Path root;

    public DataDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path state() {
        return root.resolve("state");
    }

    public Path clearinghouse() {
        return root.resolve("clearinghouse");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    /** Creates the directory and proves it writable; the exception says why it is unusable. */
    public void prepare() throws IOException {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new IOException(root + " is a file, not a directory");
        }
        Files.createDirectories(root);
        Path probe = Files.createTempFile(root, ".probe", "");
        Files.delete(probe);
        for (Path dir : List.of(state(), logs(), clearinghouse().resolve("outbox"), clearinghouse().resolve("acks"),
                clearinghouse().resolve("remittances"))) {
            Files.createDirectories(dir);
        }
    }

    /** Deletes what an earlier run kept; anything else in the directory is left alone. */
    public void reset() throws IOException {
        for (String name : OWNED) {
            Path owned = root.resolve(name);
            if (Files.isDirectory(owned)) {
                Files.walkFileTree(owned, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        Files.delete(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                        Files.delete(dir);
                        return FileVisitResult.CONTINUE;
                    }
                });
            } else {
                Files.deleteIfExists(owned);
            }
        }
    }

    /** The local API key of the ingest service: made once, then kept with the data. */
    public String apiKey() throws IOException {
        Path file = root.resolve("local-api-key");
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.writeString(file, key, StandardCharsets.US_ASCII);
        return key;
    }
}
