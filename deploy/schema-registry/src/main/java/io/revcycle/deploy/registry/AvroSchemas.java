package io.revcycle.deploy.registry;

import org.apache.avro.Schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Parses Avro schema text, with the named types its references bring in, into a
 * {@link SchemaDefinition} in normalized form (Avro's compact JSON, which keeps defaults, docs
 * and logical types: all of them matter to compatibility) plus the parsed {@link Schema}.
 */
final class AvroSchemas {

    /** A parsed schema and the definition it is stored as. */
    record Parsed(SchemaDefinition definition, Schema schema) {
    }

    private AvroSchemas() {
    }

    /**
     * @param referenced finds the definition a reference names (subject, version), or null
     * @throws RegistryException 42201 when the text is not a valid Avro schema or a reference is unknown
     */
    @SuppressWarnings("deprecation") // Schema.toString(known types, pretty): Avro 1.12 has no replacement that leaves referenced types out
    static Parsed parse(String schemaType, String text, List<SchemaReference> references,
                        BiFunction<String, Integer, SchemaDefinition> referenced) {
        String type = schemaType == null ? SchemaDefinition.AVRO : schemaType;
        if (!SchemaDefinition.AVRO.equals(type)) {
            throw RegistryException.invalidSchema("schema type " + type + " is not supported; this registry holds Avro schemas");
        }
        if (text == null || text.isBlank()) {
            throw RegistryException.invalidSchema("empty schema");
        }
        Schema.Parser parser = new Schema.Parser();
        List<Schema> known = new ArrayList<>();
        Set<String> loaded = new HashSet<>();
        for (SchemaReference reference : references) {
            loadReference(parser, reference, referenced, known, loaded, 0);
        }
        Schema schema;
        try {
            schema = parser.parse(text);
        } catch (RuntimeException e) {
            throw RegistryException.invalidSchema(describe(e));
        }
        // Referenced types stay by name, as Confluent stores them.
        String normalized = known.isEmpty() ? schema.toString() : schema.toString(known, false);
        return new Parsed(new SchemaDefinition(type, normalized, references), schema);
    }

    private static void loadReference(Schema.Parser parser, SchemaReference reference,
                                      BiFunction<String, Integer, SchemaDefinition> referenced,
                                      List<Schema> known, Set<String> loaded, int depth) {
        if (depth > 32) {
            throw RegistryException.invalidSchema("references nest deeper than 32 levels");
        }
        if (!loaded.add(reference.subject() + '|' + reference.version())) {
            return;
        }
        SchemaDefinition definition = referenced.apply(reference.subject(), reference.version());
        if (definition == null) {
            throw RegistryException.invalidSchema("reference '" + reference.name() + "' names subject '"
                    + reference.subject() + "' version " + reference.version() + ", which does not exist");
        }
        for (SchemaReference nested : definition.references()) {
            loadReference(parser, nested, referenced, known, loaded, depth + 1);
        }
        try {
            known.add(parser.parse(definition.schema()));
        } catch (RuntimeException e) {
            throw RegistryException.invalidSchema("reference '" + reference.name() + "': " + describe(e));
        }
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
