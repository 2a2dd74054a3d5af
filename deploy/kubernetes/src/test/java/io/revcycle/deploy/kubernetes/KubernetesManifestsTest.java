package io.revcycle.deploy.kubernetes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.LinkedHashMap;
import java.util.stream.Stream;

import static io.revcycle.deploy.kubernetes.Manifests.at;
import static io.revcycle.deploy.kubernetes.Manifests.list;
import static io.revcycle.deploy.kubernetes.Manifests.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The manifests agree with the services they run: names, ports, variables, probes, volumes, images. */
class KubernetesManifestsTest {

    static final List<Deployable> DEPLOYABLES = Deployable.ALL;

    /** Paths of Micronaut's health endpoint: all indicators, liveness ones only, readiness ones. */
    private static final Set<String> HEALTH_PATHS = Set.of("/health", "/health/liveness", "/health/readiness");

    @Test
    void kustomizationAppliesEveryManifestFileInTheFolder() throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> listing = Files.list(Manifests.DIR)) {
            listing.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml"))
                    .forEach(files::add);
        }
        assertEquals(files, new TreeSet<>(Manifests.resourceFiles()));
        assertEquals("revcycle", Manifests.kustomization().get("namespace"));
        assertTrue(Manifests.find("Namespace", "revcycle").isPresent(), "the namespace is created");
    }

    @Test
    void objectsLeaveTheNamespaceToKustomize() {
        for (Map<String, Object> object : Manifests.objects()) {
            Object namespace = at(object, "metadata", "namespace");
            assertTrue(namespace == null, string(object, "metadata", "name") + " names its own namespace");
        }
    }

    @ParameterizedTest
    @FieldSource("DEPLOYABLES")
    void everyRunnableHasAWorkloadAndAServiceSelectingItsPods(Deployable deployable) {
        Map<String, Object> workload = Manifests.workload(deployable);
        @SuppressWarnings("unchecked")
        Map<String, Object> selector = (Map<String, Object>) at(workload, "spec", "selector", "matchLabels");
        @SuppressWarnings("unchecked")
        Map<String, Object> podLabels = (Map<String, Object>) at(workload, "spec", "template", "metadata", "labels");
        assertNotNull(selector, deployable + " selector");
        assertTrue(podLabels.entrySet().containsAll(selector.entrySet()), deployable + ": the selector matches its own pods");

        Map<String, Object> service = Manifests.find("Service", deployable.name())
                .orElseThrow(() -> new AssertionError("no Service " + deployable));
        assertEquals(selector, at(service, "spec", "selector"), deployable + ": the Service selects the workload's pods");
        Set<String> containerPorts = new TreeSet<>();
        list(Manifests.container(deployable), "ports").forEach(p -> containerPorts.add(string(p, "name")));
        Set<String> servicePorts = new TreeSet<>();
        list(service, "spec", "ports").forEach(p -> servicePorts.add(string(p, "targetPort")));
        assertEquals(containerPorts, servicePorts, deployable + ": the Service forwards to every named container port");
    }

    @ParameterizedTest
    @FieldSource("DEPLOYABLES")
    void kafkaStreamsServicesAreStatefulSetsKeepingTheirStateOnAVolumeClaim(Deployable deployable) {
        Map<String, Object> workload = Manifests.workload(deployable);
        if (!deployable.streams()) {
            assertEquals("Deployment", workload.get("kind"), deployable + " keeps no local state");
            return;
        }
        assertEquals("StatefulSet", workload.get("kind"), deployable.name());
        String stateDir = environment(deployable).get("REVCYCLE_STATE_DIR");
        assertNotNull(stateDir, deployable + " sets REVCYCLE_STATE_DIR");
        String volume = mountedVolumeHolding(deployable, stateDir);
        Set<String> claims = new TreeSet<>();
        list(workload, "spec", "volumeClaimTemplates").forEach(t -> claims.add(string(t, "metadata", "name")));
        assertTrue(claims.contains(volume), deployable + ": the state directory is on a claim of its own, not " + volume);
        String serviceName = string(workload, "spec", "serviceName");
        Map<String, Object> headless = Manifests.find("Service", serviceName)
                .orElseThrow(() -> new AssertionError("no Service " + serviceName + " governing " + deployable));
        assertEquals("None", string(headless, "spec", "clusterIP"), "the governing Service gives each pod a name");
    }

    @ParameterizedTest
    @FieldSource("DEPLOYABLES")
    void everyDirectoryTheServiceWritesIsAWritableVolume(Deployable deployable) {
        Map<String, Object> container = Manifests.container(deployable);
        assertEquals(Boolean.TRUE, at(container, "securityContext", "readOnlyRootFilesystem"), deployable.name());
        // the JVM unpacks Netty's and RocksDB's native libraries into java.io.tmpdir
        mountedVolumeHolding(deployable, "/tmp");
        List<String> directories = new ArrayList<>();
        environment(deployable).forEach((name, value) -> {
            if (name.endsWith("_DIR") || name.endsWith("_OUTBOX") || name.endsWith("_INBOX")) {
                directories.add(value);
            }
        });
        for (String directory : directories) {
            mountedVolumeHolding(deployable, directory);
        }
        if (deployable.name().equals("claim-builder")) {
            assertTrue(directories.size() >= 3, "state, outbox and acknowledgment inbox: " + directories);
        }
        if (deployable.name().equals("payment-posting")) {
            assertTrue(directories.size() >= 2, "state and remittance inbox: " + directories);
        }
    }

    @ParameterizedTest
    @FieldSource("DEPLOYABLES")
    void containerPortsAreTheServicesOwnDefaults(Deployable deployable) {
        Map<String, String> ports = new TreeMap<>();
        list(Manifests.container(deployable), "ports").forEach(p -> ports.put(string(p, "name"), string(p, "containerPort")));
        Map<String, String> expected = new TreeMap<>();
        expected.put("http", Repository.placeholderDefault(deployable, "micronaut.server.port"));
        if (deployable.name().equals("encounter-ingest")) {
            expected.put("mllp", Repository.placeholderDefault(deployable, "revcycle.ingest.mllp.port"));
        }
        assertEquals(expected, ports, deployable.name());
        assertFalse(environment(deployable).containsKey("REVCYCLE_HTTP_PORT"), "the port stays the service's default");
    }

    @ParameterizedTest
    @FieldSource("DEPLOYABLES")
    void everyEnvironmentVariableIsOneTheServiceReads(Deployable deployable) {
        Set<String> read = Repository.environmentVariablesRead(deployable);
        String readme = Repository.readme(deployable);
        for (String name : environment(deployable).keySet()) {
            // Micronaut's own settings are read by the framework; the service's README documents the ones it relies on
            boolean frameworkSetting = name.startsWith("MICRONAUT_") && readme.contains(name);
            assertTrue(read.contains(name) || frameworkSetting,
                    deployable + " sets " + name + ", which its application.yml does not read");
        }
        assertTrue(environment(deployable).keySet().containsAll(List.of("KAFKA_BOOTSTRAP_SERVERS", "SCHEMA_REGISTRY_URL")),
                deployable + " is told where Kafka and the registry are");
        assertEquals(list(Manifests.container(deployable), "envFrom"), List.of(),
                "variables are named one by one, so each can be checked");
        assertEquals(Boolean.FALSE, at(Manifests.workload(deployable), "spec", "template", "spec", "enableServiceLinks"),
                "Kubernetes adds no <SERVICE>_PORT variables of its own");
    }

    @ParameterizedTest
    @FieldSource("DEPLOYABLES")
    void everyConfigMapAndSecretReferenceNamesAKeyThatExists(Deployable deployable) {
        for (Map<String, Object> variable : list(Manifests.container(deployable), "env")) {
            for (String kind : List.of("configMapKeyRef", "secretKeyRef")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> ref = (Map<String, Object>) at(variable, "valueFrom", kind);
                if (ref == null || Boolean.TRUE.equals(ref.get("optional"))) {
                    continue;
                }
                String objectKind = kind.equals("configMapKeyRef") ? "ConfigMap" : "Secret";
                Map<String, Object> object = Manifests.find(objectKind, string(ref, "name"))
                        .orElseThrow(() -> new AssertionError(deployable + " refers to a missing " + objectKind + " " + ref));
                Object data = at(object, "data") != null ? at(object, "data") : at(object, "stringData");
                assertTrue(data instanceof Map<?, ?> map && map.containsKey(ref.get("key")),
                        deployable + ": " + objectKind + " " + ref.get("name") + " has no key " + ref.get("key"));
            }
        }
    }

    @Test
    void secretTemplateHoldsNoValue() {
        Map<String, Object> secret = Manifests.find("Secret", "revcycle-secrets").orElseThrow();
        assertEquals(null, at(secret, "data"), "values go in stringData, left empty");
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) at(secret, "stringData");
        values.forEach((key, value) -> assertEquals("", value, key + " has a value in the template"));
        assertEquals(Set.of("REVCYCLE_INGEST_API_KEYS", "REVCYCLE_PSEUDONYM_SECRET"), values.keySet());
    }

    @Test
    void streamsServicesReplicateTheirInternalTopicsThreeTimes() {
        Map<String, Object> config = Manifests.find("ConfigMap", "revcycle-kafka").orElseThrow();
        assertEquals("3", string(config, "data", "REVCYCLE_REPLICATION_FACTOR"));
        for (Deployable deployable : DEPLOYABLES) {
            if (deployable.streams()) {
                assertTrue(Repository.placeholders(deployable).containsKey("REVCYCLE_REPLICATION_FACTOR"),
                        deployable + " reads the replication factor of its internal topics");
                Map<String, Object> variable = variable(deployable, "REVCYCLE_REPLICATION_FACTOR");
                assertEquals("revcycle-kafka", string(variable, "valueFrom", "configMapKeyRef", "name"), deployable.name());
            }
        }
    }

    @ParameterizedTest
    @FieldSource("DEPLOYABLES")
    void probesAskTheHealthEndpointTheServiceServes(Deployable deployable) {
        Map<String, String> properties = Repository.applicationProperties(deployable);
        assertEquals("true", properties.get("endpoints.health.enabled"), deployable + " enables /health");
        Map<String, Object> container = Manifests.container(deployable);
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            String path = string(container, probe, "httpGet", "path");
            assertTrue(HEALTH_PATHS.contains(path), deployable + " " + probe + " asks " + path);
            assertEquals("http", string(container, probe, "httpGet", "port"), deployable + " " + probe + " port");
        }
        // a Kafka outage fails /health and readiness; restarting every pod for it would only add a restore
        assertEquals("/health/liveness", string(container, "livenessProbe", "httpGet", "path"), deployable.name());
        assertEquals("/health/readiness", string(container, "readinessProbe", "httpGet", "path"), deployable.name());
    }

    @ParameterizedTest
    @FieldSource("DEPLOYABLES")
    void prometheusScrapesOnlyWhereTheServiceServesMetrics(Deployable deployable) {
        Map<String, Object> annotations = annotations(deployable);
        boolean serves = "true".equals(Repository.applicationProperties(deployable).get("endpoints.prometheus.enabled"));
        if (!serves) {
            assertFalse(annotations.containsKey("prometheus.io/scrape"), deployable + " serves no metrics");
            return;
        }
        assertEquals("true", annotations.get("prometheus.io/scrape"), deployable.name());
        assertEquals("/prometheus", annotations.get("prometheus.io/path"), deployable.name());
        assertEquals(Repository.placeholderDefault(deployable, "micronaut.server.port"), annotations.get("prometheus.io/port"),
                deployable.name());
    }

    @ParameterizedTest
    @FieldSource("DEPLOYABLES")
    void imagesAreTaggedWithTheProjectVersion(Deployable deployable) {
        assertEquals("revcycle/" + deployable.name() + ":" + Repository.version(), string(Manifests.container(deployable), "image"));
        List<Map<String, Object>> images = list(Manifests.kustomization(), "images");
        Map<String, Object> image = images.stream().filter(i -> ("revcycle/" + deployable.name()).equals(i.get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("kustomization has no image entry for " + deployable));
        assertEquals(Repository.version(), string(image, "newTag"), deployable.name());
    }

    @Test
    void kustomizationNamesNoImageBeyondTheRunnables() {
        Set<String> names = new TreeSet<>();
        list(Manifests.kustomization(), "images").forEach(i -> names.add(string(i, "name")));
        Set<String> expected = new TreeSet<>();
        DEPLOYABLES.forEach(r -> expected.add("revcycle/" + r.name()));
        assertEquals(expected, names);
    }

    @ParameterizedTest
    @FieldSource("DEPLOYABLES")
    void podsRunAsTheImagesNonRootUserWithoutPrivileges(Deployable deployable) {
        Map<String, Object> pod = podSpec(deployable);
        assertEquals(Boolean.TRUE, at(pod, "securityContext", "runAsNonRoot"), deployable.name());
        assertEquals(10001, at(pod, "securityContext", "runAsUser"), deployable + " runs as the image's user");
        assertEquals(10001, at(pod, "securityContext", "fsGroup"), deployable + ": volumes are writable by that user");
        assertEquals("RuntimeDefault", string(pod, "securityContext", "seccompProfile", "type"), deployable.name());
        assertEquals(Boolean.FALSE, at(pod, "automountServiceAccountToken"), deployable + " does not talk to the API server");
        Map<String, Object> container = Manifests.container(deployable);
        assertEquals(Boolean.FALSE, at(container, "securityContext", "allowPrivilegeEscalation"), deployable.name());
        assertEquals(List.of("ALL"), at(container, "securityContext", "capabilities", "drop"), deployable.name());
    }

    @ParameterizedTest
    @FieldSource("DEPLOYABLES")
    void memoryIsReservedAsMuchAsItIsLimited(Deployable deployable) {
        Map<String, Object> container = Manifests.container(deployable);
        for (String bound : List.of("requests", "limits")) {
            assertNotNull(at(container, "resources", bound, "cpu"), deployable + " cpu " + bound);
            assertNotNull(at(container, "resources", bound, "memory"), deployable + " memory " + bound);
        }
        // the heap is a share of the limit (MaxRAMPercentage): a pod must not be placed where the limit is not there
        assertEquals(at(container, "resources", "requests", "memory"), at(container, "resources", "limits", "memory"),
                deployable.name());
    }

    @Test
    void paymentPostingGivesEachPodItsOwnIntakeTransactionalId() {
        Map<String, Object> variable = variable(Deployable.named("payment-posting"), "REVCYCLE_INTAKE_TRANSACTIONAL_ID");
        assertEquals("metadata.name", string(variable, "valueFrom", "fieldRef", "fieldPath"),
                "the pod name is unique per instance and stable across its restarts");
    }

    @Test
    void dashboardWatchesTheServicesAtTheirInClusterAddresses() {
        Deployable dashboard = Deployable.named("dashboard");
        Map<String, String> expected = Map.of(
                "REVCYCLE_INGEST_URL", "encounter-ingest",
                "REVCYCLE_CODING_URL", "coding-service",
                "REVCYCLE_CLAIMS_URL", "claim-builder",
                "REVCYCLE_PAYMENTS_URL", "payment-posting");
        expected.forEach((name, service) -> {
            Deployable target = Deployable.named(service);
            String url = "http://" + service + ":" + Repository.placeholderDefault(target, "micronaut.server.port");
            assertEquals(url, environment(dashboard).get(name), name);
        });
    }

    /** Literal values of the container's variables; those from a ConfigMap, Secret or field map to "". */
    static Map<String, String> environment(Deployable deployable) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Map<String, Object> variable : list(Manifests.container(deployable), "env")) {
            String name = string(variable, "name");
            if (env.put(name, variable.containsKey("value") ? string(variable, "value") : "") != null) {
                fail(deployable + " sets " + name + " twice");
            }
        }
        return env;
    }

    private static Map<String, Object> variable(Deployable deployable, String name) {
        return list(Manifests.container(deployable), "env").stream().filter(v -> name.equals(v.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(deployable + " does not set " + name));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> podSpec(Deployable deployable) {
        return (Map<String, Object>) at(Manifests.workload(deployable), "spec", "template", "spec");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> annotations(Deployable deployable) {
        Object annotations = at(Manifests.workload(deployable), "spec", "template", "metadata", "annotations");
        return annotations == null ? Map.of() : (Map<String, Object>) annotations;
    }

    /** The volume mounted at the directory or above it, failing when there is none or it is read-only. */
    private static String mountedVolumeHolding(Deployable deployable, String directory) {
        Path dir = Path.of(directory);
        for (Map<String, Object> mount : list(Manifests.container(deployable), "volumeMounts")) {
            if (dir.startsWith(Path.of(string(mount, "mountPath")))) {
                assertFalse(Boolean.TRUE.equals(mount.get("readOnly")), deployable + " writes to " + directory);
                return string(mount, "name");
            }
        }
        throw new AssertionError(deployable + " writes to " + directory + ", on no mounted volume");
    }
}
