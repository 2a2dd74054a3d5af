package io.revcycle.payments.intake;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Polls the inbox directory for 835 files. Each file is published in one transaction, then moved
 * to processed/ (everything sent for posting) or failed/ (unreadable, or a transaction set did not
 * balance). Files are never deleted. If publishing fails the file stays in the inbox for the next
 * poll; if the service stops between commit and move, the re-read is recognised as a duplicate ERA
 * downstream.
 */
@Singleton
@Requires(property = "payments.intake.poll-enabled", notEquals = "false")
public class RemittanceInbox {

    private static final Logger LOG = LoggerFactory.getLogger(RemittanceInbox.class);

    private final RemittanceIntake intake;
    private final Path inbox;
    private final Path processed;
    private final Path failed;

    public RemittanceInbox(RemittanceIntake intake, IntakeSettings settings) {
        this.intake = intake;
        this.inbox = settings.inbox();
        this.processed = inbox.resolve("processed");
        this.failed = inbox.resolve("failed");
    }

    @Scheduled(fixedDelay = "${payments.intake.poll-interval:2s}", initialDelay = "1s")
    void poll() {
        try {
            Files.createDirectories(processed);
            Files.createDirectories(failed);
            for (Path file : waitingFiles()) {
                take(file);
            }
        } catch (IOException e) {
            LOG.warn("cannot read inbox {}: {}", inbox, e.getMessage());
        }
    }

    private List<Path> waitingFiles() throws IOException {
        try (Stream<Path> entries = Files.list(inbox)) {
            // names starting with a dot are files still being written (write, then rename into place)
            return entries.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    private void take(Path file) {
        String name = file.getFileName().toString();
        try {
            RemittanceReader.Reading reading = intake.read(Files.readAllBytes(file), name);
            Path target = freeName(reading.failed() ? failed : processed, name);
            intake.publish(reading.movedTo(inbox.relativize(target).toString()));
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("inbox file {} left in place: {}", name, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("inbox file {} left in place, Kafka did not take it: {}", name, e.getMessage());
        }
    }

    /** Same name if free, else name.2, name.3...: a file received twice keeps both copies. */
    private static Path freeName(Path directory, String name) {
        Path target = directory.resolve(name);
        for (int n = 2; Files.exists(target); n++) {
            target = directory.resolve(name + "." + n);
        }
        return target;
    }
}
