package io.revcycle.deploy.registry;

import io.revcycle.deploy.registry.RegistryHttp.Reply;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.concurrent.atomic.AtomicInteger;

import static io.revcycle.deploy.registry.RegistryHttp.fixture;
import static io.revcycle.deploy.registry.RegistryHttp.schemaBody;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The verdict of each of the seven compatibility levels on typical schema changes, both from the
 * compatibility endpoint and from an actual registration (accepted, or refused with 409).
 */
class CompatibilityLevelsTest extends RegistryOnEmbeddedKafka {

    private static final AtomicInteger SUBJECTS = new AtomicInteger();

    /** A fresh subject with {@code level} set, holding {@code history} in order. */
    private static String subjectHolding(String level, String... history) {
        String subject = "compat-" + level.toLowerCase() + "-" + SUBJECTS.incrementAndGet() + "-value";
        http.setLevel(subject, level);
        for (String version : history) {
            http.register(subject, fixture("compatibility/" + version + ".avsc"));
        }
        return subject;
    }

    private static void assertVerdict(String subject, String candidate, String compatibilityPath, boolean compatible) {
        String body = schemaBody(fixture("compatibility/" + candidate + ".avsc"));
        Reply check = http.post("/compatibility/subjects/" + subject + compatibilityPath, body);
        assertEquals(200, check.status(), check.body());
        assertEquals(compatible, check.json().get("is_compatible").asBoolean(), check.body());

        Reply registration = http.post("/subjects/" + subject + "/versions", body);
        assertEquals(compatible ? 200 : 409, registration.status(), registration.body());
    }

    @ParameterizedTest(name = "{0}: {1} -> compatible={2}")
    @CsvSource({
            "NONE,                patient-adds-optional-field,    true",
            "NONE,                patient-adds-required-field,    true",
            "NONE,                patient-removes-required-field, true",
            "NONE,                patient-removes-optional-field, true",
            "NONE,                patient-changes-field-type,     true",
            "BACKWARD,            patient-adds-optional-field,    true",
            "BACKWARD,            patient-adds-required-field,    false",
            "BACKWARD,            patient-removes-required-field, true",
            "BACKWARD,            patient-removes-optional-field, true",
            "BACKWARD,            patient-changes-field-type,     false",
            "BACKWARD_TRANSITIVE, patient-adds-optional-field,    true",
            "BACKWARD_TRANSITIVE, patient-adds-required-field,    false",
            "BACKWARD_TRANSITIVE, patient-removes-required-field, true",
            "BACKWARD_TRANSITIVE, patient-removes-optional-field, true",
            "BACKWARD_TRANSITIVE, patient-changes-field-type,     false",
            "FORWARD,             patient-adds-optional-field,    true",
            "FORWARD,             patient-adds-required-field,    true",
            "FORWARD,             patient-removes-required-field, false",
            "FORWARD,             patient-removes-optional-field, true",
            "FORWARD,             patient-changes-field-type,     false",
            "FORWARD_TRANSITIVE,  patient-adds-optional-field,    true",
            "FORWARD_TRANSITIVE,  patient-adds-required-field,    true",
            "FORWARD_TRANSITIVE,  patient-removes-required-field, false",
            "FORWARD_TRANSITIVE,  patient-removes-optional-field, true",
            "FORWARD_TRANSITIVE,  patient-changes-field-type,     false",
            "FULL,                patient-adds-optional-field,    true",
            "FULL,                patient-adds-required-field,    false",
            "FULL,                patient-removes-required-field, false",
            "FULL,                patient-removes-optional-field, true",
            "FULL,                patient-changes-field-type,     false",
            "FULL_TRANSITIVE,     patient-adds-optional-field,    true",
            "FULL_TRANSITIVE,     patient-adds-required-field,    false",
            "FULL_TRANSITIVE,     patient-removes-required-field, false",
            "FULL_TRANSITIVE,     patient-removes-optional-field, true",
            "FULL_TRANSITIVE,     patient-changes-field-type,     false",
    })
    void judgesAChangeAgainstThePreviousVersion(String level, String candidate, boolean compatible) {
        String subject = subjectHolding(level, "patient-v1");

        assertVerdict(subject, candidate, "/versions/latest", compatible);
    }

    /**
     * Two histories whose third step agrees with the second version but not with the first: a
     * transitive level refuses it, its non-transitive twin accepts it.
     * Adding a field: email absent, then with a default, then required (new readers of old data fail).
     * Dropping a field: email required, then with a default, then absent (old readers of new data fail).
     */
    @ParameterizedTest(name = "{0}: {1} -> {2} -> {3} compatible={4}")
    @CsvSource({
            "NONE,                contact-email-absent,   contact-email-with-default, contact-email-required, true",
            "BACKWARD,            contact-email-absent,   contact-email-with-default, contact-email-required, true",
            "BACKWARD_TRANSITIVE, contact-email-absent,   contact-email-with-default, contact-email-required, false",
            "FORWARD,             contact-email-absent,   contact-email-with-default, contact-email-required, true",
            "FORWARD_TRANSITIVE,  contact-email-absent,   contact-email-with-default, contact-email-required, true",
            "FULL,                contact-email-absent,   contact-email-with-default, contact-email-required, true",
            "FULL_TRANSITIVE,     contact-email-absent,   contact-email-with-default, contact-email-required, false",
            "NONE,                contact-email-required, contact-email-with-default, contact-email-absent,   true",
            "BACKWARD,            contact-email-required, contact-email-with-default, contact-email-absent,   true",
            "BACKWARD_TRANSITIVE, contact-email-required, contact-email-with-default, contact-email-absent,   true",
            "FORWARD,             contact-email-required, contact-email-with-default, contact-email-absent,   true",
            "FORWARD_TRANSITIVE,  contact-email-required, contact-email-with-default, contact-email-absent,   false",
            "FULL,                contact-email-required, contact-email-with-default, contact-email-absent,   true",
            "FULL_TRANSITIVE,     contact-email-required, contact-email-with-default, contact-email-absent,   false",
    })
    void transitiveLevelsJudgeAgainstEveryEarlierVersion(String level, String first, String second, String third,
                                                         boolean compatible) {
        String subject = subjectHolding(level, first, second);

        assertVerdict(subject, third, "/versions", compatible);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"BACKWARD_TRANSITIVE", "FULL_TRANSITIVE"})
    void softDeletedVersionsNoLongerTakePartInTheCheck(String level) {
        String subject = subjectHolding(level, "contact-email-absent", "contact-email-with-default");
        assertEquals(1, http.delete("/subjects/" + subject + "/versions/1").json().asInt());

        assertVerdict(subject, "contact-email-required", "/versions", true);
    }
}
