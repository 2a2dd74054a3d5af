package io.revcycle.deploy.registry;

import io.revcycle.deploy.registry.RegistryHttp.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.revcycle.deploy.registry.RegistryHttp.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Garbage in gets Confluent's error code and a message naming the problem, nothing is stored,
 * and the registry goes on serving.
 */
class RegistryBadInputTest extends RegistryOnEmbeddedKafka {

    private static final String SUBJECT = "bad-input-value";

    @BeforeAll
    static void registerOneGoodSchema() {
        http.register(SUBJECT, fixture("compatibility/patient-v1.avsc"));
    }

    @ParameterizedTest(name = "{0} {1} with {2} -> {3}/{4}")
    @CsvSource({
            "POST, /subjects/bad-input-value/versions,                 malformed-json-unclosed-object.json,     400, 400",
            "POST, /subjects/bad-input-value/versions,                 malformed-json-not-json-at-all.txt,      400, 400",
            "POST, /subjects/bad-input-value/versions,                 body-is-a-json-array.json,               400, 400",
            "POST, /subjects/bad-input-value/versions,                 schema-names-unknown-type.json,          422, 42201",
            "POST, /subjects/bad-input-value/versions,                 schema-text-is-not-json.json,            422, 42201",
            "POST, /subjects/bad-input-value/versions,                 schema-default-does-not-match-type.json, 422, 42201",
            "POST, /subjects/bad-input-value/versions,                 schema-record-without-name.json,         422, 42201",
            "POST, /subjects/bad-input-value/versions,                 schema-field-missing.json,               422, 42201",
            "POST, /subjects/bad-input-value/versions,                 schema-is-not-a-string.json,             422, 42201",
            "POST, /subjects/bad-input-value/versions,                 schema-type-protobuf.json,               422, 42201",
            "POST, /subjects/bad-input-value,                          schema-text-is-not-json.json,            422, 42201",
            "POST, /subjects/bad-input-value,                          malformed-json-unclosed-object.json,     400, 400",
            "POST, /compatibility/subjects/bad-input-value/versions/1, schema-names-unknown-type.json,          422, 42201",
            "POST, /compatibility/subjects/bad-input-value/versions/1, malformed-json-not-json-at-all.txt,      400, 400",
            "PUT,  /config,                                            compatibility-level-unknown.json,        422, 42203",
            "PUT,  /config/bad-input-value,                            compatibility-level-missing.json,        422, 42203",
            "PUT,  /config/bad-input-value,                            malformed-json-unclosed-object.json,     400, 400",
    })
    void refusesABadBodyWithConfluentsErrorCodeAndStaysUp(String method, String path, String fixture, int status,
                                                           int errorCode) {
        Reply reply = http.send(method, path, fixture("bad-input/" + fixture), "application/vnd.schemaregistry.v1+json");

        assertEquals(status, reply.status(), reply.body());
        assertEquals(errorCode, reply.errorCode(), reply.body());
        assertFalse(reply.json().path("message").asText().isBlank(), reply.body());
        assertStillServing();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}/{3}")
    @CsvSource({
            "GET,    /subjects/no-such-subject/versions,          404, 40401",
            "GET,    /subjects/no-such-subject/versions/latest,   404, 40401",
            "GET,    /subjects/bad-input-value/versions/42,       404, 40402",
            "GET,    /subjects/bad-input-value/versions/latest-1, 422, 42202",
            "GET,    /subjects/bad-input-value/versions/0,        422, 42202",
            "GET,    /subjects/bad-input-value/versions/-2,       422, 42202",
            "GET,    /subjects/bad-input-value/versions/99999999999, 422, 42202",
            "GET,    /schemas/ids/424242,                         404, 40403",
            "GET,    /schemas/ids/-1,                             404, 40403",
            "GET,    /config/no-such-subject,                     404, 40408",
            "DELETE, /subjects/no-such-subject,                   404, 40401",
            "DELETE, /subjects/bad-input-value/versions/42,       404, 40402",
    })
    void answersUnknownSubjectsVersionsAndIdsWithConfluentsErrorCode(String method, String path, int status,
                                                                     int errorCode) {
        Reply reply = http.send(method, path, null, null);

        assertEquals(status, reply.status(), reply.body());
        assertEquals(errorCode, reply.errorCode(), reply.body());
        assertStillServing();
    }

    @Test
    void anEmptyBodyIsAMalformedRequest() {
        Reply reply = http.send("POST", "/subjects/" + SUBJECT + "/versions", "", "application/json");

        assertEquals(400, reply.status(), reply.body());
        assertTrue(reply.json().get("message").asText().contains("empty"), reply.body());
    }

    @Test
    void nothingIsStoredForRefusedInput() {
        http.send("POST", "/subjects/" + SUBJECT + "/versions", fixture("bad-input/schema-text-is-not-json.json"),
                "application/json");
        http.send("PUT", "/config", fixture("bad-input/compatibility-level-unknown.json"), "application/json");

        assertEquals(1, http.get("/subjects/" + SUBJECT + "/versions").json().size());
        assertEquals("BACKWARD", http.get("/config").json().get("compatibilityLevel").asText());
    }

    private static void assertStillServing() {
        Reply reply = http.get("/subjects/" + SUBJECT + "/versions/latest");
        assertEquals(200, reply.status(), reply.body());
    }
}
