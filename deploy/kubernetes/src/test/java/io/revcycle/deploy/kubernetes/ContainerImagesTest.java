package io.revcycle.deploy.kubernetes;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.revcycle.deploy.kubernetes.Manifests.list;
import static io.revcycle.deploy.kubernetes.Manifests.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Each deployable's Dockerfile carries the jar its module builds and runs it the way the manifests expect. */
class ContainerImagesTest {

    static final List<Deployable> DEPLOYABLES = Deployable.ALL;

    private static final Pattern COPY_JAR = Pattern.compile("(\\S+)/target/(\\S+)-\\$\\{VERSION}\\.jar (\\S+)");

    @ParameterizedTest
    @FieldSource("DEPLOYABLES")
    void imageIsBuiltOnTheMaintainedJava17Runtime(Deployable deployable) {
        Dockerfile dockerfile = Dockerfile.of(deployable);
        assertEquals("eclipse-temurin:17-jre", dockerfile.only("FROM"), deployable + ": one stage on the JRE image");
        assertEquals("VERSION", dockerfile.only("ARG"), deployable + ": the version comes from the build, with no default");
    }

    @ParameterizedTest
    @FieldSource("DEPLOYABLES")
    void imageCopiesTheSelfContainedJarItsModuleBuilds(Deployable deployable) throws IOException {
        Matcher copy = COPY_JAR.matcher(Dockerfile.of(deployable).only("COPY"));
        assertTrue(copy.matches(), deployable + " copies <module>/target/<artifact>-${VERSION}.jar");
        assertEquals(deployable.module(), copy.group(1), deployable + " module folder");
        assertEquals(Repository.pom(deployable, "artifactId"), copy.group(2), deployable + " artifactId");
        assertEquals("jar", Repository.pom(deployable, "packaging"), deployable + " is packaged as a jar");
        String mainClass = Repository.pom(deployable, "exec.mainClass");
        assertTrue(mainClass != null && !mainClass.isBlank(), deployable + " names its main class, the jar's Main-Class");
        assertEquals("[\"java\", \"-jar\", \"" + copy.group(3) + "\"]", Dockerfile.of(deployable).only("ENTRYPOINT"),
                deployable + " runs the copied jar");

        Path built = Repository.root().resolve(deployable.module()).resolve("target")
                .resolve(copy.group(2) + "-" + Repository.version() + ".jar");
        assumeTrue(Files.isRegularFile(built), "the jar of " + deployable + " is not built in this checkout");
        try (JarFile jar = new JarFile(built.toFile())) {
            assertEquals(mainClass, jar.getManifest().getMainAttributes().getValue("Main-Class"),
                    deployable + ": the built jar starts the application");
            assertTrue(jar.getEntry("application.yml") != null, deployable + ": the built jar is the self-contained one");
        }
    }

    @ParameterizedTest
    @FieldSource("DEPLOYABLES")
    void imageRunsAsTheNumericNonRootUserThePodsExpect(Deployable deployable) {
        Dockerfile dockerfile = Dockerfile.of(deployable);
        assertEquals("10001:10001", dockerfile.only("USER"), deployable.name());
        assertTrue(dockerfile.only("RUN").contains("--uid 10001"), deployable + " creates that user");
        Object runAsUser = Manifests.at(Manifests.workload(deployable), "spec", "template", "spec", "securityContext", "runAsUser");
        assertEquals(10001, runAsUser, deployable + ": the pod runs as the image's user");
    }

    @ParameterizedTest
    @FieldSource("DEPLOYABLES")
    void imageExposesThePortsTheServiceListensOn(Deployable deployable) {
        Set<String> exposed = new TreeSet<>(Arrays.asList(Dockerfile.of(deployable).only("EXPOSE").split("\\s+")));
        Set<String> containerPorts = new TreeSet<>();
        list(Manifests.container(deployable), "ports").forEach(p -> containerPorts.add(string(p, "containerPort")));
        assertEquals(containerPorts, exposed, deployable.name());
        assertTrue(exposed.contains(Repository.placeholderDefault(deployable, "micronaut.server.port")), deployable + " HTTP");
        if (deployable.name().equals("encounter-ingest")) {
            assertTrue(exposed.contains(Repository.placeholderDefault(deployable, "revcycle.ingest.mllp.port")), "MLLP");
        }
    }

    @ParameterizedTest
    @FieldSource("DEPLOYABLES")
    void imageLeavesHealthToKubernetesProbes(Deployable deployable) {
        assertEquals(List.of(), Dockerfile.of(deployable).all("HEALTHCHECK"), deployable.name());
    }

    @ParameterizedTest
    @FieldSource("DEPLOYABLES")
    void jvmSizesItsHeapFromTheContainerLimitAndLeavesRoomForRocksDb(Deployable deployable) {
        String env = Dockerfile.of(deployable).only("ENV");
        Matcher options = Pattern.compile("JDK_JAVA_OPTIONS=\"([^\"]*)\"").matcher(env);
        assertTrue(options.matches(), deployable + " sets the JVM options in JDK_JAVA_OPTIONS, replaceable as a whole");
        Map<String, String> flags = new HashMap<>();
        for (String flag : options.group(1).split("\\s+")) {
            String[] kv = flag.split("=", 2);
            flags.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        double percentage = Double.parseDouble(flags.get("-XX:MaxRAMPercentage"));
        // Kafka Streams keeps RocksDB's memory outside the heap
        assertTrue(deployable.streams() ? percentage <= 60 : percentage <= 75, deployable + " heap share " + percentage);
        assertTrue(flags.containsKey("-XX:+ExitOnOutOfMemoryError"), deployable + ": out of memory ends the process");
        assertEquals("/tmp", flags.get("-Djava.io.tmpdir"), deployable + ": temporary files go to the mounted /tmp");
        assertFalse(flags.keySet().stream().anyMatch(f -> f.startsWith("-Xmx")), deployable + ": no fixed heap");
    }
}
