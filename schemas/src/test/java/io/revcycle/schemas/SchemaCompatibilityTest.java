package io.revcycle.schemas;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every event schema must stay BACKWARD compatible with its last released copy: a consumer on the
 * new schema reads everything written with the released one (the registry enforces the same rule).
 */
class SchemaCompatibilityTest {

    @Test
    void everyEventSchemaReadsItsLastReleasedCopy() throws IOException {
        Path release = ReleasedSchemas.latestRelease().orElseThrow(() ->
                new AssertionError("no released schemas under schemas/released"));
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Schema> e : ReleasedSchemas.current().entrySet()) {
            Path copy = release.resolve(e.getKey() + ".avsc");
            if (!Files.exists(copy)) {
                problems.add(e.getKey() + ": no released copy in " + release
                        + " (new event types are added to the next release)");
                continue;
            }
            Schema released = new Schema.Parser().parse(copy.toFile());
            var result = SchemaCompatibility.checkReaderWriterCompatibility(e.getValue(), released);
            if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
                problems.add(e.getKey() + ": " + result.getResult().getIncompatibilities());
            }
        }
        assertTrue(problems.isEmpty(), "schemas not BACKWARD compatible with release " + release + ": " + problems);
    }

    @Test
    void theCheckCatchesARequiredFieldAddedWithoutDefault() {
        Schema released = new Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}");
        Schema withRequired = new Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},"
                        + "{\"name\":\"b\",\"type\":\"string\"}]}");
        Schema withDefault = new Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},"
                        + "{\"name\":\"b\",\"type\":\"string\",\"default\":\"x\"}]}");
        assertEquals(SchemaCompatibilityType.INCOMPATIBLE,
                SchemaCompatibility.checkReaderWriterCompatibility(withRequired, released).getType());
        assertEquals(SchemaCompatibilityType.COMPATIBLE,
                SchemaCompatibility.checkReaderWriterCompatibility(withDefault, released).getType());
    }
}
