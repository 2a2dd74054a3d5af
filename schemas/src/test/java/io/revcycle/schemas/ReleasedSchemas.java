package io.revcycle.schemas;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The released copies of the event schemas, kept in {@code schemas/released/<version>/} (one
 * self-contained {@code .avsc} per catalogue value type). On a release, run {@link #main} with the
 * new version to add its copies: {@code java -cp ... io.revcycle.schemas.ReleasedSchemas 0.2.0}.
 */
public final class ReleasedSchemas {

    static final Path RELEASED = Path.of("released");

    private ReleasedSchemas() {
    }

    /** Every catalogue value type's current schema, by record name. */
    static Map<String, Schema> current() {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        for (Topic<?, ?> topic : Topics.ALL) {
            if (!topic.isDeadLetter()) {
                Schema schema = SpecificData.get().getSchema(topic.valueType());
                schemas.put(schema.getName(), schema);
            }
        }
        return schemas;
    }

    /** The directory of the newest release, if any. */
    static Optional<Path> latestRelease() throws IOException {
        if (!Files.isDirectory(RELEASED)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(RELEASED)) {
            return dirs.filter(Files::isDirectory).max(Comparator.comparing(ReleasedSchemas::versionKey));
        }
    }

    private static String versionKey(Path dir) {
        StringBuilder key = new StringBuilder();
        for (String part : dir.getFileName().toString().split("\\.")) {
            key.append(String.format("%06d", Integer.parseInt(part.replaceAll("\\D", "0"))));
        }
        return key.toString();
    }

    /** Writes the current schemas as release {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Path dir = RELEASED.resolve(args[0]);
        Files.createDirectories(dir);
        for (Map.Entry<String, Schema> e : current().entrySet()) {
            Files.writeString(dir.resolve(e.getKey() + ".avsc"), e.getValue().toString(true) + "\n",
                    StandardCharsets.UTF_8);
        }
    }
}
