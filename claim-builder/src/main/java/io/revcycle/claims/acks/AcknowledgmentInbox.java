package io.revcycle.claims.acks;

import io.micronaut.scheduling.annotation.Scheduled;
import io.revcycle.claims.state.ClaimTable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Polls the inbox for 999 and 277CA files. A file that was applied moves to {@code processed/};
 * one that cannot be read or names unknown claims moves to {@code failed/} after its exception
 * event is published. Files are never deleted; a file whose publication fails stays in the inbox
 * and is tried again at the next poll. Names starting with a dot (files still being written by
 * the transfer agent) are left alone.
 */
@Singleton
public class AcknowledgmentInbox {

    private static final Logger LOG = LoggerFactory.getLogger(AcknowledgmentInbox.class);

    private final Path inbox;
    private final Path processed;
    private final Path failed;
    private final AcknowledgmentIntake intake;

    public AcknowledgmentInbox(AcknowledgmentConfiguration config, AcknowledgmentIntake intake) throws IOException {
        this.inbox = Files.createDirectories(config.inbox());
        this.processed = Files.createDirectories(inbox.resolve("processed"));
        this.failed = Files.createDirectories(inbox.resolve("failed"));
        this.intake = intake;
    }

    @Scheduled(fixedDelay = "${claims.acks.poll-interval:5s}", initialDelay = "${claims.acks.poll-interval:5s}")
    void poll() {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(inbox,
                p -> Files.isRegularFile(p) && !p.getFileName().toString().startsWith("."))) {
            listing.forEach(files::add);
        } catch (IOException e) {
            LOG.warn("acknowledgment inbox unreadable: {}", e.toString());
            return;
        }
        files.sort(null);
        for (Path file : files) {
            try {
                receive(file);
            } catch (ClaimTable.ClaimTableUnavailable e) {
                LOG.info("claim table not ready; acknowledgments wait for the next poll");
                return;
            } catch (IOException | RuntimeException e) {
                LOG.warn("acknowledgment file {} left in the inbox: {}", file.getFileName(), e.toString());
            }
        }
    }

    private void receive(Path file) throws IOException {
        String name = file.getFileName().toString();
        byte[] x12 = Files.readAllBytes(file);
        Path failedTarget = failed.resolve(name);
        AcknowledgmentOutcome outcome = intake.receive(x12, name, inbox.relativize(failedTarget).toString());
        Path target = outcome.isApplied() ? processed.resolve(name) : failedTarget;
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        if (outcome.isApplied()) {
            LOG.info("acknowledgment file {} applied to {} claims", name, outcome.acknowledgments().size());
        } else {
            LOG.warn("acknowledgment file {} moved to failed/: {}", name, outcome.failure().getMessage());
        }
    }
}
