package io.revcycle.deploy.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.revcycle.deploy.registry.RegistryHttp.Reply;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.revcycle.deploy.registry.RegistryHttp.fixture;
import static io.revcycle.deploy.registry.RegistryHttp.schemaBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every endpoint of the Confluent REST API the registry serves, and the error codes each one answers. */
class SchemaRegistryApiTest extends RegistryOnEmbeddedKafka {

    private static final String PATIENT_V1 = fixture("compatibility/patient-v1.avsc");
    private static final String PATIENT_V2 = fixture("compatibility/patient-adds-optional-field.avsc");

    private static String normalized(String schema) {
        return new Schema.Parser().parse(schema).toString();
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asInt()));
        return values;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    @Test
    void answersInConfluentsContentTypeAtTheRoot() {
        Reply reply = http.get("/");

        assertEquals(200, reply.status());
        assertEquals("application/vnd.schemaregistry.v1+json", reply.contentType());
        assertTrue(reply.json().isObject());
    }

    @Test
    void registeringReturnsAnIdAndRegisteringTheSameSchemaAgainReturnsTheSameIdWithoutANewVersion() {
        int first = http.register("register-value", PATIENT_V1);
        int again = http.register("register-value", PATIENT_V1);

        assertEquals(first, again);
        assertEquals(List.of(1), ints(http.get("/subjects/register-value/versions").json()));
    }

    @Test
    void acceptsPlainJsonAndOctetStreamRequestBodiesToo() {
        String subject = "content-types-value";
        Reply asJson = http.send("POST", "/subjects/" + subject + "/versions", schemaBody(PATIENT_V1), "application/json");
        Reply asOctets = http.send("POST", "/subjects/" + subject + "/versions", schemaBody(PATIENT_V1),
                "application/octet-stream");

        assertEquals(200, asJson.status(), asJson.body());
        assertEquals(200, asOctets.status(), asOctets.body());
        assertEquals(asJson.json().get("id"), asOctets.json().get("id"));
    }

    @Test
    void looksUpWhichVersionOfASubjectHoldsASchema() {
        String subject = "lookup-value";
        int id1 = http.register(subject, PATIENT_V1);
        int id2 = http.register(subject, PATIENT_V2);

        JsonNode found = http.post("/subjects/" + subject, schemaBody(PATIENT_V1)).json();

        assertEquals(subject, found.get("subject").asText());
        assertEquals(1, found.get("version").asInt());
        assertEquals(id1, found.get("id").asInt());
        assertEquals(normalized(PATIENT_V1), found.get("schema").asText());
        assertNotEquals(id1, id2);
    }

    @Test
    void lookupOfAnUnregisteredSchemaIs40403AndOfAnUnknownSubject40401() {
        http.register("lookup-miss-value", PATIENT_V1);

        Reply unknownSchema = http.post("/subjects/lookup-miss-value", schemaBody(PATIENT_V2));
        Reply unknownSubject = http.post("/subjects/no-such-subject", schemaBody(PATIENT_V1));

        assertEquals(404, unknownSchema.status());
        assertEquals(40403, unknownSchema.errorCode());
        assertEquals(404, unknownSubject.status());
        assertEquals(40401, unknownSubject.errorCode());
    }

    @Test
    void servesASchemaByIdWithTheSubjectsAndVersionsThatUseIt() {
        int id = http.register("by-id-value", PATIENT_V1);

        Reply byId = http.get("/schemas/ids/" + id);
        Reply versions = http.get("/schemas/ids/" + id + "/versions");
        Reply subjects = http.get("/schemas/ids/" + id + "/subjects");

        assertEquals(200, byId.status());
        assertEquals(normalized(PATIENT_V1), byId.json().get("schema").asText());
        assertFalse(byId.json().has("schemaType"), "Confluent leaves schemaType out for Avro");
        assertTrue(texts(subjects.json()).contains("by-id-value"));
        boolean listed = false;
        for (JsonNode use : versions.json()) {
            listed |= use.get("subject").asText().equals("by-id-value") && use.get("version").asInt() == 1;
        }
        assertTrue(listed, versions.body());
    }

    @Test
    void anUnknownSchemaIdIs40403() {
        for (String path : List.of("/schemas/ids/999999", "/schemas/ids/999999/versions", "/schemas/ids/not-a-number")) {
            Reply reply = http.get(path);
            assertEquals(404, reply.status(), path);
            assertEquals(40403, reply.errorCode(), path);
        }
    }

    @Test
    void listsSubjectsAndTheirVersions() {
        http.register("listed-value", PATIENT_V1);
        http.register("listed-value", PATIENT_V2);

        assertTrue(texts(http.get("/subjects").json()).contains("listed-value"));
        assertEquals(List.of(1, 2), ints(http.get("/subjects/listed-value/versions").json()));
        Reply unknown = http.get("/subjects/never-registered/versions");
        assertEquals(404, unknown.status());
        assertEquals(40401, unknown.errorCode());
    }

    @Test
    void servesAVersionByNumberOrLatestAndItsRawSchema() {
        String subject = "versions-value";
        int id1 = http.register(subject, PATIENT_V1);
        int id2 = http.register(subject, PATIENT_V2);

        JsonNode first = http.get("/subjects/" + subject + "/versions/1").json();
        JsonNode latest = http.get("/subjects/" + subject + "/versions/latest").json();
        JsonNode minusOne = http.get("/subjects/" + subject + "/versions/-1").json();
        Reply raw = http.get("/subjects/" + subject + "/versions/1/schema");

        assertEquals(subject, first.get("subject").asText());
        assertEquals(1, first.get("version").asInt());
        assertEquals(id1, first.get("id").asInt());
        assertEquals(2, latest.get("version").asInt());
        assertEquals(id2, latest.get("id").asInt());
        assertEquals(latest, minusOne);
        assertEquals(normalized(PATIENT_V1), raw.body());
    }

    @Test
    void anUnknownVersionIs40402AnUnknownSubject40401AndANonVersion42202() {
        http.register("version-errors-value", PATIENT_V1);

        Reply unknownVersion = http.get("/subjects/version-errors-value/versions/7");
        Reply unknownSubject = http.get("/subjects/no-such-subject/versions/1");
        Reply notAVersion = http.get("/subjects/version-errors-value/versions/first");
        Reply zero = http.get("/subjects/version-errors-value/versions/0");

        assertEquals(404, unknownVersion.status());
        assertEquals(40402, unknownVersion.errorCode());
        assertEquals(404, unknownSubject.status());
        assertEquals(40401, unknownSubject.errorCode());
        assertEquals(422, notAVersion.status());
        assertEquals(42202, notAVersion.errorCode());
        assertEquals(42202, zero.errorCode());
    }

    @Test
    void anIncompatibleSchemaIsRefusedWith409() {
        String subject = "incompatible-value";
        http.register(subject, PATIENT_V1);

        Reply reply = http.post("/subjects/" + subject + "/versions",
                schemaBody(fixture("compatibility/patient-adds-required-field.avsc")));

        assertEquals(409, reply.status());
        assertEquals(409, reply.errorCode());
        assertTrue(reply.json().get("message").asText().contains("email"), reply.body());
        assertEquals(List.of(1), ints(http.get("/subjects/" + subject + "/versions").json()));
    }

    @Test
    void checksCompatibilityAgainstAVersionLatestOrAllVersionsWithMessagesWhenVerbose() {
        String subject = "compatibility-check-value";
        http.register(subject, PATIENT_V1);
        String requiredField = schemaBody(fixture("compatibility/patient-adds-required-field.avsc"));

        JsonNode good = http.post("/compatibility/subjects/" + subject + "/versions/latest", schemaBody(PATIENT_V2)).json();
        JsonNode bad = http.post("/compatibility/subjects/" + subject + "/versions/1", requiredField).json();
        JsonNode badVerbose = http.post("/compatibility/subjects/" + subject + "/versions/1?verbose=true",
                requiredField).json();
        JsonNode againstAll = http.post("/compatibility/subjects/" + subject + "/versions", requiredField).json();

        assertTrue(good.get("is_compatible").asBoolean());
        assertFalse(bad.get("is_compatible").asBoolean());
        assertFalse(bad.has("messages"));
        assertFalse(badVerbose.get("is_compatible").asBoolean());
        assertTrue(badVerbose.get("messages").toString().contains("READER_FIELD_MISSING_DEFAULT_VALUE"),
                badVerbose.toString());
        assertFalse(againstAll.get("is_compatible").asBoolean());
    }

    @Test
    void compatibilityAgainstLatestOfAnEmptySubjectIsCompatibleButUnknownVersionsAreErrors() {
        http.register("compatibility-errors-value", PATIENT_V1);

        Reply emptySubject = http.post("/compatibility/subjects/nothing-here/versions/latest", schemaBody(PATIENT_V1));
        Reply unknownSubject = http.post("/compatibility/subjects/nothing-here/versions/1", schemaBody(PATIENT_V1));
        Reply unknownVersion = http.post("/compatibility/subjects/compatibility-errors-value/versions/5",
                schemaBody(PATIENT_V1));
        Reply invalidVersion = http.post("/compatibility/subjects/compatibility-errors-value/versions/newest",
                schemaBody(PATIENT_V1));

        assertTrue(emptySubject.json().get("is_compatible").asBoolean());
        assertEquals(40401, unknownSubject.errorCode());
        assertEquals(40402, unknownVersion.errorCode());
        assertEquals(42202, invalidVersion.errorCode());
    }

    @Test
    void globalCompatibilityDefaultsToBackwardCanBeChangedAndReset() {
        assertEquals("BACKWARD", http.get("/config").json().get("compatibilityLevel").asText());

        Reply put = http.put("/config", "{\"compatibility\": \"FULL\"}");
        String changed = http.get("/config").json().get("compatibilityLevel").asText();
        Reply reset = http.delete("/config");

        assertEquals("FULL", put.json().get("compatibility").asText());
        assertEquals("FULL", changed);
        assertEquals("FULL", reset.json().get("compatibilityLevel").asText());
        assertEquals("BACKWARD", http.get("/config").json().get("compatibilityLevel").asText());
    }

    @Test
    void aSubjectHasItsOwnCompatibilityOnlyOnceConfigured() {
        String subject = "own-config-value";
        Reply unset = http.get("/config/" + subject);
        Reply fallback = http.get("/config/" + subject + "?defaultToGlobal=true");
        Reply put = http.put("/config/" + subject, "{\"compatibility\": \"forward_transitive\"}");
        Reply set = http.get("/config/" + subject);
        Reply deleted = http.delete("/config/" + subject);
        Reply deletedAgain = http.delete("/config/" + subject);

        assertEquals(404, unset.status());
        assertEquals(40408, unset.errorCode());
        assertEquals("BACKWARD", fallback.json().get("compatibilityLevel").asText());
        assertEquals("FORWARD_TRANSITIVE", put.json().get("compatibility").asText());
        assertEquals("FORWARD_TRANSITIVE", set.json().get("compatibilityLevel").asText());
        assertEquals("FORWARD_TRANSITIVE", deleted.json().get("compatibilityLevel").asText());
        assertEquals(40408, deletedAgain.errorCode());
        assertEquals(40408, http.get("/config/" + subject).errorCode());
    }

    @Test
    void aSubjectsOwnLevelDecidesItsRegistrations() {
        String subject = "none-level-value";
        http.register(subject, PATIENT_V1);
        http.setLevel(subject, "NONE");

        int id = http.register(subject, fixture("compatibility/patient-changes-field-type.avsc"));

        assertTrue(id > 0);
        assertEquals(List.of(1, 2), ints(http.get("/subjects/" + subject + "/versions").json()));
    }

    @Test
    void softDeletingASubjectHidesItKeepsItsIdsAndPermanentDeletionRemovesIt() {
        String subject = "delete-subject-value";
        int id = http.register(subject, PATIENT_V1);
        http.register(subject, PATIENT_V2);
        http.setLevel(subject, "FULL");

        Reply soft = http.delete("/subjects/" + subject);

        assertEquals(List.of(1, 2), ints(soft.json()));
        assertEquals(40401, http.get("/subjects/" + subject + "/versions").errorCode());
        assertEquals(List.of(1, 2), ints(http.get("/subjects/" + subject + "/versions?deleted=true").json()));
        assertFalse(texts(http.get("/subjects").json()).contains(subject));
        assertTrue(texts(http.get("/subjects?deleted=true").json()).contains(subject));
        assertEquals(200, http.get("/schemas/ids/" + id).status(), "a soft-deleted schema still resolves by id");
        assertEquals(40408, http.get("/config/" + subject).errorCode(), "deleting a subject drops its own level");
        assertEquals(40404, http.delete("/subjects/" + subject).errorCode());

        Reply permanent = http.delete("/subjects/" + subject + "?permanent=true");

        assertEquals(List.of(1, 2), ints(permanent.json()));
        assertEquals(40401, http.get("/subjects/" + subject + "/versions?deleted=true").errorCode());
        assertFalse(texts(http.get("/subjects?deleted=true").json()).contains(subject));
    }

    @Test
    void aSubjectMustBeSoftDeletedBeforeItIsPermanentlyDeleted() {
        http.register("hard-delete-first-value", PATIENT_V1);

        Reply reply = http.delete("/subjects/hard-delete-first-value?permanent=true");

        assertEquals(404, reply.status());
        assertEquals(40405, reply.errorCode());
        assertEquals(40401, http.delete("/subjects/no-such-subject").errorCode());
    }

    @Test
    void deletingOneVersionFollowsTheSameSoftThenPermanentRule() {
        String subject = "delete-version-value";
        http.register(subject, PATIENT_V1);
        http.register(subject, PATIENT_V2);

        assertEquals(40407, http.delete("/subjects/" + subject + "/versions/1?permanent=true").errorCode());
        assertEquals(1, http.delete("/subjects/" + subject + "/versions/1").json().asInt());
        assertEquals(40402, http.get("/subjects/" + subject + "/versions/1").errorCode());
        assertEquals(200, http.get("/subjects/" + subject + "/versions/1?deleted=true").status());
        assertEquals(List.of(2), ints(http.get("/subjects/" + subject + "/versions").json()));
        assertEquals(40406, http.delete("/subjects/" + subject + "/versions/1").errorCode());
        assertEquals(1, http.delete("/subjects/" + subject + "/versions/1?permanent=true").json().asInt());
        assertEquals(40402, http.get("/subjects/" + subject + "/versions/1?deleted=true").errorCode());
        assertEquals(40402, http.delete("/subjects/" + subject + "/versions/9").errorCode());
        assertEquals(42202, http.delete("/subjects/" + subject + "/versions/x").errorCode());
        assertEquals(2, http.delete("/subjects/" + subject + "/versions/latest").json().asInt());
    }

    @Test
    void aSchemaRegisteredAgainAfterSoftDeletionGetsANewVersionAndItsOldId() {
        String subject = "reregister-value";
        int id = http.register(subject, PATIENT_V1);
        http.delete("/subjects/" + subject);

        int again = http.register(subject, PATIENT_V1);

        assertEquals(id, again);
        assertEquals(List.of(2), ints(http.get("/subjects/" + subject + "/versions").json()));
    }

    @Test
    void subjectNamesMayCarryEncodedSlashesAndPluses() {
        int id = http.register("claims%2Fvalue+v1", PATIENT_V1);

        assertTrue(texts(http.get("/subjects").json()).contains("claims/value+v1"));
        assertEquals(id, http.get("/subjects/claims%2Fvalue+v1/versions/1").json().get("id").asInt());
    }

    @Test
    void aSchemaMayReferenceANamedTypeRegisteredUnderAnotherSubjectWhichThenCannotBeDeleted() {
        http.register("address-value", "{\"type\":\"record\",\"name\":\"Address\",\"namespace\":\"io.revcycle.test\","
                + "\"fields\":[{\"name\":\"city\",\"type\":\"string\"}]}");
        String person = "{\"type\":\"record\",\"name\":\"Person\",\"namespace\":\"io.revcycle.test\","
                + "\"fields\":[{\"name\":\"home\",\"type\":\"io.revcycle.test.Address\"}]}";
        String body = "{\"schema\":" + RegistryHttp.JSON.valueToTree(person)
                + ",\"references\":[{\"name\":\"io.revcycle.test.Address\",\"subject\":\"address-value\",\"version\":1}]}";

        Reply registered = http.post("/subjects/person-value/versions", body);
        int id = registered.json().get("id").asInt();
        JsonNode byId = http.get("/schemas/ids/" + id).json();
        Reply withoutReference = http.post("/subjects/person-alone-value/versions", schemaBody(person));

        assertEquals(200, registered.status(), registered.body());
        assertEquals("address-value", byId.get("references").get(0).get("subject").asText());
        assertFalse(byId.get("schema").asText().contains("city"), "the referenced type stays by name");
        assertEquals(id, http.post("/subjects/person-value", body).json().get("id").asInt());
        assertEquals(42201, withoutReference.errorCode());
        assertEquals(List.of(id), ints(http.get("/subjects/address-value/versions/1/referencedby").json()));
        Reply deleteReferenced = http.delete("/subjects/address-value/versions/1");
        assertEquals(422, deleteReferenced.status());
        assertEquals(42206, deleteReferenced.errorCode());
        assertEquals(42206, http.delete("/subjects/address-value").errorCode());
        http.delete("/subjects/person-value");
        assertEquals(List.of(), ints(http.get("/subjects/address-value/versions/1/referencedby").json()));
        assertEquals(200, http.delete("/subjects/address-value").status(), "deletable once nothing refers to it");
    }

    @Test
    void listsAvroAsTheOnlySchemaTypeAndReportsReadWriteMode() {
        assertEquals(List.of("AVRO"), texts(http.get("/schemas/types").json()));
        assertEquals("READWRITE", http.get("/mode").json().get("mode").asText());
    }

    @Test
    void anUnknownPathIs404AndAnUnsupportedMethod405() {
        Reply unknown = http.get("/nothing/here");
        Reply wrongMethod = http.send("PATCH", "/subjects", "{}", "application/json");

        assertEquals(404, unknown.status());
        assertEquals(404, unknown.errorCode());
        assertEquals(405, wrongMethod.status());
        assertEquals(405, wrongMethod.errorCode());
    }
}
