package io.revcycle.deploy.registry;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a schema id stands for: the schema text in its normalized form, its type and the
 * references it was parsed with. Two registrations with the same definition share one id.
 */
record SchemaDefinition(String schemaType, String schema, List<SchemaReference> references) {

    static final String AVRO = "AVRO";

    SchemaDefinition {
        references = List.copyOf(references);
    }

    /** The key under which equal definitions meet, whichever subject registers them. */
    String identity() {
        return schemaType + '\n' + schema + '\n' + references.stream()
                .map(r -> r.name() + '|' + r.subject() + '|' + r.version())
                .collect(Collectors.joining(","));
    }
}
