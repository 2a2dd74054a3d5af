package io.revcycle.deploy.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The data directory: made usable or refused, kept across restarts, reset without touching foreign files. */
class DataDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void preparingMakesTheClearinghouseFoldersAndTheStateDirectory() throws Exception {
        DataDirectory data = new DataDirectory(dir.resolve("data"));

        data.prepare();

        for (String sub : new String[] {"state", "logs", "clearinghouse/outbox", "clearinghouse/acks", "clearinghouse/remittances"}) {
            assertTrue(Files.isDirectory(dir.resolve("data").resolve(sub)), sub);
        }
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsRefused() throws Exception {
        Files.writeString(dir.resolve("data"), "not a directory");

        IOException refused = assertThrows(IOException.class, () -> new DataDirectory(dir.resolve("data")).prepare());

        assertTrue(refused.getMessage().contains("is a file, not a directory"));
    }

    @Test
    void theApiKeyIsKeptAcrossRestartsAndANewOneIsMadeAfterAReset() throws Exception {
        DataDirectory data = new DataDirectory(dir.resolve("data"));
        data.prepare();
        String key = data.apiKey();

        assertEquals(key, new DataDirectory(dir.resolve("data")).apiKey());
        assertTrue(key.length() >= 32);

        data.reset();
        data.prepare();
        assertNotEquals(key, data.apiKey());
    }

    @Test
    void aResetDeletesWhatTheStackKeptAndNothingElse() throws Exception {
        DataDirectory data = new DataDirectory(dir.resolve("data"));
        data.prepare();
        Files.createDirectories(dir.resolve("data/kafka/meta"));
        Files.writeString(dir.resolve("data/kafka/meta/properties"), "x");
        Files.writeString(dir.resolve("data/clearinghouse/outbox/1-837P.x12"), "ISA");
        Files.writeString(dir.resolve("data/notes.txt"), "mine");

        data.reset();

        assertFalse(Files.exists(dir.resolve("data/kafka")));
        assertFalse(Files.exists(dir.resolve("data/clearinghouse")));
        assertTrue(Files.exists(dir.resolve("data/notes.txt")));
    }
}
