package io.revcycle.deploy.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each service's child process: its command line and the environment that wires it to the stack. */
class ServiceLaunchTest {

    @TempDir
    Path dir;

    @Test
    void aServiceRunsFromItsOwnJarWithItsMainClass() {
        DataDirectory data = new DataDirectory(dir.resolve("data"));
        ServiceLaunch claims = service(data, "claim-builder");

        List<String> command = claims.command(Path.of("/src/revcycle"));

        assertTrue(command.get(0).endsWith("/bin/java"));
        Path clearinghouse = data.root().resolve("clearinghouse");
        assertEquals(ServiceLaunch.JVM_OPTIONS, command.subList(1, 1 + ServiceLaunch.JVM_OPTIONS.size()));
        assertEquals(List.of("-Dclaims.acks.inbox=" + clearinghouse.resolve("acks"), "-Dclaims.acks.poll-interval=500ms",
                "-Dclaims.submission.outbox=" + clearinghouse.resolve("outbox"),
                "-cp", "/src/revcycle/claim-builder/target/claim-builder-" + ServiceLaunch.version() + ".jar",
                "io.revcycle.claims.ClaimBuilderApplication"), command.subList(1 + ServiceLaunch.JVM_OPTIONS.size(), command.size()));
    }

    @Test
    void theDashboardRunsFromItsJarUnderDeployOnPort8080() {
        ServiceLaunch dashboard = ServiceLaunch.dashboard();

        List<String> command = dashboard.command(Path.of("/src/revcycle"));

        assertEquals(8080, dashboard.httpPort());
        assertEquals(List.of("-cp",
                "/src/revcycle/deploy/dashboard/target/dashboard-" + ServiceLaunch.version() + ".jar",
                "io.revcycle.deploy.dashboard.DashboardApplication"), command.subList(1 + ServiceLaunch.JVM_OPTIONS.size(), command.size()));
    }

    @Test
    void everyServiceGetsTheBrokerRegistryStateDirectoryAndItsPort() {
        DataDirectory data = new DataDirectory(dir.resolve("data"));
        List<ServiceLaunch> services = ServiceLaunch.services(data, "secret");

        assertEquals(List.of("io.revcycle.ingest.EncounterIngestApplication", "io.revcycle.coding.CodingServiceApplication",
                        "io.revcycle.claims.ClaimBuilderApplication", "io.revcycle.payments.PaymentPostingApplication"),
                services.stream().map(ServiceLaunch::mainClass).toList());
        for (ServiceLaunch s : services) {
            Map<String, String> env = s.environment("localhost:9092", "http://localhost:8085", data);
            assertEquals("localhost:9092", env.get("KAFKA_BOOTSTRAP_SERVERS"));
            assertEquals("http://localhost:8085", env.get("SCHEMA_REGISTRY_URL"));
            assertEquals(data.root().resolve("state").toString(), env.get("REVCYCLE_STATE_DIR"));
            assertEquals(Integer.toString(s.httpPort()), env.get("REVCYCLE_HTTP_PORT"));
            assertEquals("2", env.get("MALLOC_ARENA_MAX"), "native memory bounded");
        }
    }

    @Test
    void theClaimBuilderAndPaymentPostingUseTheClearinghouseFoldersAndIngestTheLocalKey() {
        DataDirectory data = new DataDirectory(dir.resolve("data"));
        Path clearinghouse = data.root().resolve("clearinghouse");

        Map<String, String> ingest = env(data, "encounter-ingest");
        Map<String, String> claims = env(data, "claim-builder");
        Map<String, String> payments = env(data, "payment-posting");

        assertEquals("local=secret", ingest.get("REVCYCLE_INGEST_API_KEYS"));
        assertEquals("2575", ingest.get("REVCYCLE_INGEST_MLLP_PORT"));
        assertEquals(clearinghouse.resolve("outbox").toString(), claims.get("REVCYCLE_CLAIMS_OUTBOX"));
        assertEquals(clearinghouse.resolve("acks").toString(), claims.get("REVCYCLE_CLAIMS_INBOX"));
        assertEquals(clearinghouse.resolve("remittances").toString(), payments.get("REVCYCLE_REMITTANCE_INBOX"));
        assertTrue(service(data, "payment-posting").command(Path.of("/src")).contains(
                "-Dpayments.intake.inbox=" + clearinghouse.resolve("remittances")), "directories also as system properties");
    }

    @Test
    void missingJarsAreNamedSoTheStackCanSayWhatToBuild() throws Exception {
        DataDirectory data = new DataDirectory(dir.resolve("data"));
        List<ServiceLaunch> services = ServiceLaunch.services(data, "k");
        Path home = dir.resolve("checkout");
        for (ServiceLaunch s : services.subList(0, 3)) {
            Files.createDirectories(s.jar(home).getParent());
            Files.write(s.jar(home), new byte[] {1});
        }

        assertEquals(List.of(services.get(3).jar(home)), ServiceLaunch.missingJars(services, home));
    }

    private static ServiceLaunch service(DataDirectory data, String name) {
        return ServiceLaunch.services(data, "secret").stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static Map<String, String> env(DataDirectory data, String name) {
        return service(data, name).environment("localhost:9092", "http://localhost:8085", data);
    }
}
