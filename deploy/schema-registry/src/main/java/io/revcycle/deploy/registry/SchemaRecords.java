package io.revcycle.deploy.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Confluent's record layout for the {@code _schemas} topic, so that the topic reads the same to
 * a Confluent Schema Registry. Keys are JSON with a fixed field order, because log compaction
 * matches keys byte for byte.
 *
 * <ul>
 *   <li>{@code {"keytype":"SCHEMA","subject":s,"version":v,"magic":1}} →
 *       {@code {"subject":s,"version":v,"id":n,"schema":"...","deleted":false}}; a null value
 *       (tombstone) is a permanent delete.</li>
 *   <li>{@code {"keytype":"CONFIG","subject":s|null,"magic":0}} →
 *       {@code {"compatibilityLevel":"BACKWARD"}}; a tombstone removes the setting.</li>
 *   <li>{@code {"keytype":"DELETE_SUBJECT","subject":s,"magic":0}} → {@code {"subject":s,"version":v}}
 *       (written by Confluent's registry; read here as "versions up to v are soft-deleted").</li>
 * </ul>
 */
final class SchemaRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaRecords() {
    }

    /** What one record of the topic says. */
    sealed interface Entry permits SchemaEntry, ConfigEntry, DeleteSubjectEntry, IgnoredEntry {
    }

    /** A version of a subject; {@code schema} is null for a permanent delete. */
    record SchemaEntry(String subject, int version, StoredSchema schema) implements Entry {
    }

    /** A compatibility setting; {@code subject} null for the global one, {@code level} null when removed. */
    record ConfigEntry(String subject, CompatibilityLevel level) implements Entry {
    }

    /** Confluent's subject-wide soft delete marker. */
    record DeleteSubjectEntry(String subject, int upToVersion) implements Entry {
    }

    /** A record type this registry has no use for (NOOP, MODE, CONTEXT...). */
    record IgnoredEntry(String keytype) implements Entry {
    }

    static String schemaKey(String subject, int version) {
        ObjectNode key = JSON.createObjectNode();
        key.put("keytype", "SCHEMA");
        key.put("subject", subject);
        key.put("version", version);
        key.put("magic", 1);
        return write(key);
    }

    static String schemaValue(StoredSchema schema) {
        ObjectNode value = JSON.createObjectNode();
        value.put("subject", schema.subject());
        value.put("version", schema.version());
        value.put("id", schema.id());
        SchemaDefinition definition = schema.definition();
        if (!SchemaDefinition.AVRO.equals(definition.schemaType())) {
            value.put("schemaType", definition.schemaType());
        }
        if (!definition.references().isEmpty()) {
            ArrayNode refs = value.putArray("references");
            for (SchemaReference ref : definition.references()) {
                refs.addObject().put("name", ref.name()).put("subject", ref.subject()).put("version", ref.version());
            }
        }
        value.put("schema", definition.schema());
        value.put("deleted", schema.deleted());
        return write(value);
    }

    static String configKey(String subject) {
        ObjectNode key = JSON.createObjectNode();
        key.put("keytype", "CONFIG");
        if (subject == null) {
            key.putNull("subject");
        } else {
            key.put("subject", subject);
        }
        key.put("magic", 0);
        return write(key);
    }

    static String configValue(CompatibilityLevel level) {
        return write(JSON.createObjectNode().put("compatibilityLevel", level.name()));
    }

    /**
     * Reads one record of the topic.
     *
     * @throws IllegalArgumentException when the record does not follow the layout
     */
    static Entry read(String key, String value) {
        JsonNode k = parse(key);
        JsonNode v = value == null ? null : parse(value);
        String keytype = k.path("keytype").asText("");
        switch (keytype) {
            case "SCHEMA": {
                String subject = requiredText(k, "subject");
                int version = k.path("version").asInt();
                return new SchemaEntry(subject, version, v == null ? null : storedSchema(v));
            }
            case "CONFIG": {
                String subject = k.path("subject").isTextual() ? k.get("subject").asText() : null;
                if (v == null || !v.path("compatibilityLevel").isTextual()) {
                    return new ConfigEntry(subject, null);
                }
                return new ConfigEntry(subject, CompatibilityLevel.valueOf(v.get("compatibilityLevel").asText()));
            }
            case "DELETE_SUBJECT":
                if (v == null) {
                    return new IgnoredEntry(keytype);
                }
                return new DeleteSubjectEntry(requiredText(k, "subject"), v.path("version").asInt());
            default:
                return new IgnoredEntry(keytype);
        }
    }

    private static StoredSchema storedSchema(JsonNode v) {
        List<SchemaReference> refs = new ArrayList<>();
        for (JsonNode ref : v.path("references")) {
            refs.add(new SchemaReference(ref.path("name").asText(), ref.path("subject").asText(),
                    ref.path("version").asInt()));
        }
        String type = v.path("schemaType").isTextual() ? v.get("schemaType").asText() : SchemaDefinition.AVRO;
        SchemaDefinition definition = new SchemaDefinition(type, requiredText(v, "schema"), refs);
        return new StoredSchema(requiredText(v, "subject"), v.path("version").asInt(), v.path("id").asInt(),
                definition, v.path("deleted").asBoolean(false));
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("missing text field '" + field + "'");
        }
        return value.asText();
    }

    private static JsonNode parse(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
