package io.revcycle.deploy.kubernetes;

import org.yaml.snakeyaml.Yaml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The Kubernetes objects kustomize applies from {@code manifests/}, read as plain YAML trees. */
final class Manifests {

    static final Path DIR = Repository.module().resolve("manifests");

    private Manifests() {
    }

    static Map<String, Object> kustomization() {
        return new Yaml().load(Repository.read(DIR.resolve("kustomization.yaml")));
    }

    @SuppressWarnings("unchecked")
    static List<String> resourceFiles() {
        return (List<String>) kustomization().get("resources");
    }

    /** Every object of every file the kustomization lists, in order. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> objects() {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (String file : resourceFiles()) {
            for (Object doc : new Yaml().loadAll(Repository.read(DIR.resolve(file)))) {
                if (doc != null) {
                    objects.add((Map<String, Object>) doc);
                }
            }
        }
        return objects;
    }

    static List<Map<String, Object>> ofKind(String kind) {
        return objects().stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    static Optional<Map<String, Object>> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(at(o, "metadata", "name"))).findFirst();
    }

    /** The Deployment or StatefulSet named after the deployable. */
    static Map<String, Object> workload(Deployable deployable) {
        return find("StatefulSet", deployable.name()).or(() -> find("Deployment", deployable.name()))
                .orElseThrow(() -> new AssertionError("no Deployment or StatefulSet " + deployable));
    }

    /** The one container of the deployable's pod template. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> container(Deployable deployable) {
        List<Map<String, Object>> containers = (List<Map<String, Object>>) at(workload(deployable), "spec", "template", "spec", "containers");
        if (containers.size() != 1) {
            throw new AssertionError(deployable + " should run one container, runs " + containers.size());
        }
        return containers.get(0);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> node, String... path) {
        Object value = at(node, path);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    /** The value at a path of keys, or null where the path ends early. */
    @SuppressWarnings("unchecked")
    static Object at(Map<String, Object> node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = ((Map<String, Object>) map).get(key);
        }
        return current;
    }

    static String string(Map<String, Object> node, String... path) {
        return Objects.toString(at(node, path), null);
    }
}
