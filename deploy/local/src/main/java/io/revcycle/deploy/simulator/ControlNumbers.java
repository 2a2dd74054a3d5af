package io.revcycle.deploy.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Interchange control numbers of the files the simulator sends, kept in a file so a restart goes on counting. */
final class ControlNumbers {

    private final Path file;
    private long last;

    ControlNumbers(Path file) throws IOException {
        this.file = file;
        this.last = Files.exists(file) ? Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip()) : 0;
    }

    synchronized long next() throws IOException {
        last = last >= 999_999_999L ? 1 : last + 1;
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(temp, Long.toString(last), StandardCharsets.US_ASCII);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return last;
    }
}
