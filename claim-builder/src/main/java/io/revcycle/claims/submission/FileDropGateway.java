package io.revcycle.claims.submission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Drops interchanges into an outbox directory that the clearinghouse connection (SFTP agent,
 * shared folder) picks up. Each file is written under a temporary name that pickup ignores
 * (leading dot, .tmp) and renamed atomically, so a reader never sees half a file.
 */
public final class FileDropGateway implements ClaimGateway {

    private final Path outbox;

    public FileDropGateway(Path outbox) throws IOException {
        this.outbox = Files.createDirectories(outbox);
    }

    @Override
    public String name() {
        return "file-drop";
    }

    @Override
    public void submit(String fileName, byte[] interchange) throws IOException {
        Path target = outbox.resolve(fileName);
        if (!target.getParent().equals(outbox)) {
            throw new IOException("file name must not contain a path: " + fileName);
        }
        Path temp = outbox.resolve("." + fileName + ".tmp");
        Files.write(temp, interchange, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
