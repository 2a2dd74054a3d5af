package io.revcycle.deploy.registry;

import io.revcycle.deploy.registry.RegistryHttp.Reply;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.revcycle.deploy.registry.RegistryHttp.fixture;
import static io.revcycle.deploy.registry.RegistryHttp.schemaBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One schema, one id: across subjects, across formatting, and under concurrent registration. */
class SchemaIdentityTest extends RegistryOnEmbeddedKafka {

    private static final String PATIENT = fixture("compatibility/patient-v1.avsc");
    private static final int THREADS = 8;

    @Test
    void theSameSchemaUnderTwoSubjectsGetsOneId() {
        int inKeys = http.register("admissions-key", PATIENT);
        int inValues = http.register("admissions-value", PATIENT);

        assertEquals(inKeys, inValues);
        String users = http.get("/schemas/ids/" + inKeys + "/subjects").body();
        assertTrue(users.contains("\"admissions-key\"") && users.contains("\"admissions-value\""), users);
    }

    @Test
    void formattingDoesNotMakeADifferentSchema() {
        String compact = PATIENT.replaceAll("\\s+", "");
        String spaced = PATIENT.replace(",", " ,\n   ");

        int first = http.register("formatting-value", PATIENT);

        assertEquals(first, http.register("formatting-value", compact));
        assertEquals(first, http.register("formatting-other-value", spaced));
        assertEquals(1, http.get("/subjects/formatting-value/versions").json().size());
    }

    @Test
    void aDifferentSchemaGetsTheNextId() {
        int first = http.register("next-id-value", fixture("compatibility/contact-email-absent.avsc"));
        int second = http.register("next-id-value", fixture("compatibility/contact-email-with-default.avsc"));

        assertNotEquals(first, second);
        assertEquals(first + 1, second);
    }

    @Test
    void concurrentRegistrationsOfOneSchemaUnderOneSubjectYieldOneIdAndOneVersion() throws Exception {
        String body = schemaBody(fixture("compatibility/patient-adds-optional-field.avsc"));

        Set<Integer> ids = registerConcurrently(i -> "concurrent-value", body);

        assertEquals(1, ids.size(), ids.toString());
        assertEquals(1, http.get("/subjects/concurrent-value/versions").json().size());
    }

    @Test
    void concurrentRegistrationsOfOneSchemaUnderManySubjectsYieldOneId() throws Exception {
        String body = schemaBody(fixture("compatibility/patient-removes-optional-field.avsc"));

        Set<Integer> ids = registerConcurrently(i -> "concurrent-" + i + "-value", body);

        assertEquals(1, ids.size(), ids.toString());
    }

    private interface SubjectFor {
        String subject(int thread);
    }

    private static Set<Integer> registerConcurrently(SubjectFor subjects, String body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                String subject = subjects.subject(i);
                Callable<Reply> call = () -> {
                    start.await();
                    return http.post("/subjects/" + subject + "/versions", body);
                };
                replies.add(pool.submit(call));
            }
            start.countDown();
            Set<Integer> ids = new HashSet<>();
            for (Future<Reply> reply : replies) {
                Reply r = reply.get();
                assertEquals(200, r.status(), r.body());
                ids.add(r.json().get("id").asInt());
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }
}
