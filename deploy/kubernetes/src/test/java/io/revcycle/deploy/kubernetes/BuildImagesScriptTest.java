package io.revcycle.deploy.kubernetes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * build-images, run in a copy of the repository layout with stand-in jars and a stand-in container
 * engine that records its calls (no engine is needed).
 */
class BuildImagesScriptTest {

    private static final String VERSION = "9.8.7";

    @Test
    void buildsEveryImageFromItsDockerfileTaggedWithTheVersion(@TempDir Path tmp) throws IOException, InterruptedException {
        Path checkout = checkoutWithJars(tmp, Deployable.ALL);
        // the stand-in engine lists the build context it was given (the last argument)
        Path engine = Scripts.standIn(tmp, "engine", "if [[ $1 == build ]]; then (cd \"${@: -1}\" && find . -type f | sort) >> \""
                + tmp.resolve("contexts") + "\"; fi");
        Scripts.Run run = Scripts.run(checkout.resolve("deploy/kubernetes/build-images"), checkout, tmp, Map.of(),
                "--engine", engine.toString(), "--skip-maven", "--version", VERSION);
        assertEquals(0, run.exitCode(), run.output());

        List<String> expected = new ArrayList<>();
        List<String> contexts = new ArrayList<>();
        for (Deployable deployable : Deployable.ALL) {
            String context = run.calls().get(expected.size()).replaceAll(".* ", "");
            expected.add("build -f deploy/kubernetes/images/" + deployable.name() + "/Dockerfile --build-arg VERSION=" + VERSION
                    + " -t revcycle/" + deployable.name() + ":" + VERSION + " " + context);
            contexts.add("./" + deployable.module() + "/target/" + deployable.name() + "-" + VERSION + ".jar");
        }
        assertEquals(expected, run.calls());
        assertEquals(contexts, Files.readAllLines(tmp.resolve("contexts")), "each context holds its jar alone, where the COPY finds it");
    }

    @Test
    void pushesEveryImageToTheRegistryNamed(@TempDir Path tmp) throws IOException, InterruptedException {
        Path checkout = checkoutWithJars(tmp, Deployable.ALL);
        Path engine = Scripts.standIn(tmp, "engine", "");
        Scripts.Run run = Scripts.run(checkout.resolve("deploy/kubernetes/build-images"), checkout, tmp, Map.of(),
                "--engine", engine.toString(), "--skip-maven", "--version", VERSION, "--registry", "registry.example.org/billing/");
        assertEquals(0, run.exitCode(), run.output());
        for (Deployable deployable : Deployable.ALL) {
            String tag = "revcycle/" + deployable.name() + ":" + VERSION;
            assertTrue(run.calls().contains("tag " + tag + " registry.example.org/billing/" + tag), run.calls().toString());
            assertTrue(run.calls().contains("push registry.example.org/billing/" + tag), run.calls().toString());
        }
    }

    @Test
    void refusesToBuildWhenAJarIsMissing(@TempDir Path tmp) throws IOException, InterruptedException {
        Path checkout = checkoutWithJars(tmp, List.of(Deployable.named("encounter-ingest")));
        Path engine = Scripts.standIn(tmp, "engine", "");
        Scripts.Run run = Scripts.run(checkout.resolve("deploy/kubernetes/build-images"), checkout, tmp, Map.of(),
                "--engine", engine.toString(), "--skip-maven", "--version", VERSION);
        assertNotEquals(0, run.exitCode());
        assertTrue(run.output().contains("missing coding-service/target/coding-service-" + VERSION + ".jar"), run.output());
    }

    /** The script and Dockerfiles at their places in a fresh folder, with empty jars for these runnables. */
    private static Path checkoutWithJars(Path tmp, List<Deployable> withJars) throws IOException {
        Path checkout = Files.createDirectories(tmp.resolve("checkout"));
        Path module = Files.createDirectories(checkout.resolve("deploy/kubernetes"));
        Files.copy(Repository.module().resolve("build-images"), module.resolve("build-images"), StandardCopyOption.COPY_ATTRIBUTES);
        for (Deployable deployable : Deployable.ALL) {
            Path images = Files.createDirectories(module.resolve("images").resolve(deployable.name()));
            Files.copy(Dockerfile.path(deployable), images.resolve("Dockerfile"));
        }
        for (Deployable deployable : withJars) {
            Path target = Files.createDirectories(checkout.resolve(deployable.module()).resolve("target"));
            Files.writeString(target.resolve(deployable.name() + "-" + VERSION + ".jar"), "stand-in");
        }
        return checkout;
    }
}
