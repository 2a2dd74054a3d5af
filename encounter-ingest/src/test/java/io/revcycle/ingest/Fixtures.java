package io.revcycle.ingest;

import io.micronaut.serde.ObjectMapper;
import io.revcycle.ingest.encounter.EncounterSubmission;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the fixture files under src/test/resources. */
public final class Fixtures {

    private Fixtures() {
    }

    /** The fixture's text. */
    public static String text(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A JSON submission read from its text (after whatever edit a test made to it). */
    public static EncounterSubmission submission(String json) {
        try {
            return ObjectMapper.getDefault().readValue(json, EncounterSubmission.class);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
