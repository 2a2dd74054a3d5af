package io.revcycle.deploy.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Confluent's Schema Registry REST API over the JDK's HTTP server: routes a request to the
 * {@link SchemaRegistry} and answers in {@code application/vnd.schemaregistry.v1+json}, with
 * Confluent's {@code {"error_code", "message"}} body for every refusal. Nothing a client sends
 * escapes as an exception: the server answers and stays up.
 */
final class RegistryHttpHandler implements HttpHandler {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final Logger LOG = LoggerFactory.getLogger(RegistryHttpHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final SchemaRegistry registry;

    RegistryHttpHandler(SchemaRegistry registry) {
        this.registry = registry;
    }

    private record Response(int status, byte[] body) {
    }

    /** The parts of a request the routes read; the body is read on demand. */
    private record Request(String method, List<String> path, Map<String, String> query, HttpExchange exchange) {

        boolean flag(String name) {
            return "true".equalsIgnoreCase(query.get(name));
        }
    }

    /** The schema a register, lookup or compatibility request carries. */
    private record SchemaRequest(String schemaType, String schema, List<SchemaReference> references) {
    }

    @Override
    public void handle(HttpExchange exchange) {
        Response response;
        try {
            response = route(new Request(exchange.getRequestMethod(), pathSegments(exchange),
                    queryParameters(exchange), exchange));
        } catch (RegistryException e) {
            response = error(e.status(), e.errorCode(), e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            LOG.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e);
            response = error(500, 50001, "Internal error: " + e.getClass().getSimpleName());
        }
        try {
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(response.status(), response.body().length);
            exchange.getResponseBody().write(response.body());
        } catch (IOException e) {
            LOG.debug("client went away before the answer was sent: {}", e.getMessage());
        } finally {
            exchange.close();
        }
    }

    private Response route(Request r) {
        List<String> p = r.path();
        if (p.isEmpty()) {
            return on(r, Map.of("GET", () -> json(JSON.createObjectNode())));
        }
        switch (p.get(0)) {
            case "subjects":
                return subjects(r, p);
            case "schemas":
                return schemas(r, p);
            case "config":
                return config(r, p);
            case "compatibility":
                return compatibility(r, p);
            case "mode":
                if (p.size() <= 2) {
                    // This registry is always writable; Confluent clients ask before some operations.
                    return on(r, Map.of("GET", () -> json(JSON.createObjectNode().put("mode", "READWRITE"))));
                }
                break;
            default:
                break;
        }
        throw notFound();
    }

    private Response subjects(Request r, List<String> p) {
        if (p.size() == 1) {
            return on(r, Map.of("GET", () -> json(strings(registry.subjects(r.flag("deleted"))))));
        }
        String subject = p.get(1);
        if (p.size() == 2) {
            return on(r, Map.of(
                    "POST", () -> {
                        SchemaRequest s = schemaRequest(r);
                        return json(versionBody(registry.lookup(subject, s.schemaType(), s.schema(),
                                s.references(), r.flag("deleted"))));
                    },
                    "DELETE", () -> json(ints(registry.deleteSubject(subject, r.flag("permanent"))))));
        }
        if (!"versions".equals(p.get(2))) {
            throw notFound();
        }
        if (p.size() == 3) {
            return on(r, Map.of(
                    "GET", () -> json(ints(registry.versions(subject, r.flag("deleted")))),
                    "POST", () -> {
                        SchemaRequest s = schemaRequest(r);
                        int id = registry.register(subject, s.schemaType(), s.schema(), s.references());
                        return json(JSON.createObjectNode().put("id", id));
                    }));
        }
        String versionText = p.get(3);
        if (p.size() == 4) {
            return on(r, Map.of(
                    "GET", () -> json(versionBody(registry.version(subject,
                            SchemaRegistry.parseVersion(versionText), r.flag("deleted")))),
                    "DELETE", () -> json(JSON.getNodeFactory().numberNode(registry.deleteVersion(subject,
                            SchemaRegistry.parseVersion(versionText), r.flag("permanent"))))));
        }
        if (p.size() == 5 && "referencedby".equals(p.get(4))) {
            return on(r, Map.of("GET", () -> json(ints(registry.referencedBy(subject,
                    SchemaRegistry.parseVersion(versionText))))));
        }
        if (p.size() == 5 && "schema".equals(p.get(4))) {
            return on(r, Map.of("GET", () -> new Response(200, registry.version(subject,
                    SchemaRegistry.parseVersion(versionText), r.flag("deleted"))
                    .definition().schema().getBytes(StandardCharsets.UTF_8))));
        }
        throw notFound();
    }

    private Response schemas(Request r, List<String> p) {
        if (p.size() == 2 && "types".equals(p.get(1))) {
            return on(r, Map.of("GET", () -> json(strings(List.of(SchemaDefinition.AVRO)))));
        }
        if (p.size() < 3 || p.size() > 4 || !"ids".equals(p.get(1))) {
            throw notFound();
        }
        int id = schemaId(p.get(2));
        if (p.size() == 3) {
            return on(r, Map.of("GET", () -> {
                SchemaDefinition d = registry.schemaById(id);
                ObjectNode body = JSON.createObjectNode();
                describe(d, body);
                return json(body);
            }));
        }
        switch (p.get(3)) {
            case "versions":
                return on(r, Map.of("GET", () -> {
                    ArrayNode body = JSON.createArrayNode();
                    registry.usesOf(id, r.flag("deleted")).forEach(u ->
                            body.addObject().put("subject", u.subject()).put("version", u.version()));
                    return json(body);
                }));
            case "subjects":
                return on(r, Map.of("GET", () -> json(strings(registry.usesOf(id, r.flag("deleted")).stream()
                        .map(RegistryState.SubjectVersion::subject).distinct().toList()))));
            default:
                throw notFound();
        }
    }

    private Response config(Request r, List<String> p) {
        if (p.size() == 1) {
            return on(r, Map.of(
                    "GET", () -> json(levelBody(registry.globalLevel())),
                    "PUT", () -> {
                        CompatibilityLevel level = registry.setLevel(null, requestedLevel(r));
                        return json(JSON.createObjectNode().put("compatibility", level.name()));
                    },
                    "DELETE", () -> json(levelBody(registry.resetGlobalLevel()))));
        }
        if (p.size() != 2) {
            throw notFound();
        }
        String subject = p.get(1);
        return on(r, Map.of(
                "GET", () -> json(levelBody(registry.subjectLevel(subject, r.flag("defaultToGlobal")))),
                "PUT", () -> {
                    CompatibilityLevel level = registry.setLevel(subject, requestedLevel(r));
                    return json(JSON.createObjectNode().put("compatibility", level.name()));
                },
                "DELETE", () -> json(levelBody(registry.deleteSubjectLevel(subject)))));
    }

    private Response compatibility(Request r, List<String> p) {
        if (p.size() < 4 || p.size() > 5 || !"subjects".equals(p.get(1)) || !"versions".equals(p.get(3))) {
            throw notFound();
        }
        String subject = p.get(2);
        return on(r, Map.of("POST", () -> {
            Integer version = p.size() == 5 ? SchemaRegistry.parseVersion(p.get(4)) : null;
            SchemaRequest s = schemaRequest(r);
            List<String> problems = registry.compatibilityProblems(subject, version, s.schemaType(), s.schema(),
                    s.references());
            ObjectNode body = JSON.createObjectNode().put("is_compatible", problems.isEmpty());
            if (r.flag("verbose")) {
                body.set("messages", strings(problems));
            }
            return json(body);
        }));
    }

    private static Response on(Request r, Map<String, Supplier<Response>> methods) {
        Supplier<Response> handler = methods.get(r.method());
        if (handler == null) {
            throw new RegistryException(405, 405, "HTTP 405 Method Not Allowed");
        }
        return handler.get();
    }

    private static RegistryException notFound() {
        return new RegistryException(404, 404, "HTTP 404 Not Found");
    }

    private static int schemaId(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new RegistryException(404, 40403, "Schema " + text + " not found");
        }
    }

    private static ObjectNode versionBody(StoredSchema s) {
        ObjectNode body = JSON.createObjectNode();
        body.put("subject", s.subject());
        body.put("version", s.version());
        body.put("id", s.id());
        describe(s.definition(), body);
        return body;
    }

    /** Confluent leaves {@code schemaType} out for Avro and {@code references} out when there are none. */
    private static void describe(SchemaDefinition d, ObjectNode body) {
        if (!SchemaDefinition.AVRO.equals(d.schemaType())) {
            body.put("schemaType", d.schemaType());
        }
        if (!d.references().isEmpty()) {
            ArrayNode refs = body.putArray("references");
            d.references().forEach(ref ->
                    refs.addObject().put("name", ref.name()).put("subject", ref.subject()).put("version", ref.version()));
        }
        body.put("schema", d.schema());
    }

    private static ObjectNode levelBody(CompatibilityLevel level) {
        return JSON.createObjectNode().put("compatibilityLevel", level.name());
    }

    private static CompatibilityLevel requestedLevel(Request r) {
        JsonNode body = bodyObject(r);
        JsonNode level = body.has("compatibility") ? body.get("compatibility") : body.get("compatibilityLevel");
        return CompatibilityLevel.parse(level == null || !level.isTextual() ? null : level.asText());
    }

    private static SchemaRequest schemaRequest(Request r) {
        JsonNode body = bodyObject(r);
        JsonNode schema = body.get("schema");
        if (schema == null || schema.isNull()) {
            throw RegistryException.invalidSchema("the request has no \"schema\"");
        }
        if (!schema.isTextual()) {
            throw RegistryException.invalidSchema("\"schema\" must be the schema's JSON text as a string");
        }
        JsonNode type = body.get("schemaType");
        if (type != null && !type.isNull() && !type.isTextual()) {
            throw RegistryException.invalidSchema("\"schemaType\" must be a string");
        }
        List<SchemaReference> references = new ArrayList<>();
        JsonNode refs = body.get("references");
        if (refs != null && !refs.isNull()) {
            if (!refs.isArray()) {
                throw RegistryException.invalidSchema("\"references\" must be an array");
            }
            for (JsonNode ref : refs) {
                if (!ref.path("name").isTextual() || !ref.path("subject").isTextual() || !ref.path("version").isInt()) {
                    throw RegistryException.invalidSchema("each reference needs \"name\", \"subject\" and an integer \"version\"");
                }
                references.add(new SchemaReference(ref.get("name").asText(), ref.get("subject").asText(),
                        ref.get("version").asInt()));
            }
        }
        String schemaType = type == null || type.isNull() ? SchemaDefinition.AVRO : type.asText();
        return new SchemaRequest(schemaType, schema.asText(), references);
    }

    private static JsonNode bodyObject(Request r) {
        byte[] bytes;
        try (InputStream in = r.exchange().getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw RegistryException.malformedRequest("cannot read the request body: " + e.getMessage());
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new RegistryException(413, 413, "Request body larger than " + MAX_BODY_BYTES + " bytes");
        }
        if (bytes.length == 0) {
            throw RegistryException.malformedRequest("the request body is empty");
        }
        JsonNode body;
        try {
            body = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw RegistryException.malformedRequest("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw RegistryException.malformedRequest("cannot read the request body: " + e.getMessage());
        }
        if (body == null || !body.isObject()) {
            throw RegistryException.malformedRequest("the body must be a JSON object");
        }
        return body;
    }

    private static Response json(JsonNode body) {
        try {
            return new Response(200, JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static Response error(int status, int errorCode, String message) {
        ObjectNode body = JSON.createObjectNode().put("error_code", errorCode).put("message", message);
        try {
            return new Response(status, JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            return new Response(500, "{\"error_code\":50001,\"message\":\"Internal error\"}".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static ArrayNode ints(List<Integer> values) {
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    /** Path segments, each percent-decoded on its own so that a subject may contain an encoded '/'. */
    private static List<String> pathSegments(HttpExchange exchange) {
        List<String> segments = new ArrayList<>();
        for (String raw : exchange.getRequestURI().getRawPath().split("/")) {
            if (!raw.isEmpty()) {
                segments.add(decode(raw));
            }
        }
        return segments;
    }

    private static Map<String, String> queryParameters(HttpExchange exchange) {
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                query.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            } else if (!pair.isEmpty()) {
                query.put(decode(pair), "");
            }
        }
        return query;
    }

    /** Percent-decoding where '+' stays a plus, as in a URI path. */
    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RegistryException.malformedRequest("bad percent-encoding in '" + raw + "'");
        }
    }
}
