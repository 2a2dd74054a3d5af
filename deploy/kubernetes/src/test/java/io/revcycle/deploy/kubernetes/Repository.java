package io.revcycle.deploy.kubernetes;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.yaml.snakeyaml.Yaml;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository the deployment describes: the project version and each deployable's own files. */
final class Repository {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    private static final Properties BUILD = load();

    private Repository() {
    }

    static String version() {
        return BUILD.getProperty("version");
    }

    static Path root() {
        return Path.of(BUILD.getProperty("root")).toAbsolutePath().normalize();
    }

    static Path module() {
        return root().resolve("deploy/kubernetes");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String applicationYmlText(Deployable deployable) {
        return read(root().resolve(deployable.module()).resolve("src/main/resources/application.yml"));
    }

    /** The deployable's application.yml as flat property keys (a.b.c) and their raw values. */
    static Map<String, String> applicationProperties(Deployable deployable) {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", new Yaml().load(applicationYmlText(deployable)), flat);
        return flat;
    }

    /** Environment variables the deployable's application.yml reads as placeholders, with their defaults. */
    static Map<String, String> placeholders(Deployable deployable) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = PLACEHOLDER.matcher(applicationYmlText(deployable));
        while (m.find()) {
            String fallback = m.group(2) == null ? "" : m.group(2);
            found.put(m.group(1), fallback.replace("`", ""));
        }
        return found;
    }

    /**
     * Environment variables the deployable reads: the placeholders of its application.yml, and the
     * variable form of each of its property keys, which Micronaut maps onto the key
     * (REVCYCLE_STATE_DIR overrides revcycle.state.dir).
     */
    static Set<String> environmentVariablesRead(Deployable deployable) {
        Set<String> names = new LinkedHashSet<>(placeholders(deployable).keySet());
        applicationProperties(deployable).keySet().forEach(key -> names.add(key.toUpperCase().replaceAll("[.-]", "_")));
        return names;
    }

    /** The default of the placeholder that a property's value is, e.g. 8083 for ${REVCYCLE_HTTP_PORT:8083}. */
    static String placeholderDefault(Deployable deployable, String property) {
        String value = applicationProperties(deployable).get(property);
        if (value == null) {
            throw new AssertionError(deployable + " has no property " + property);
        }
        Matcher m = PLACEHOLDER.matcher(value);
        return m.matches() ? m.group(2) : value;
    }

    static String readme(Deployable deployable) {
        return read(root().resolve(deployable.module()).resolve("README.md"));
    }

    /** A top-level element of the deployable's pom (artifactId, packaging), or a property. */
    static String pom(Deployable deployable, String element) {
        try {
            Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(root().resolve(deployable.module()).resolve("pom.xml").toFile());
            for (Node node = pom.getDocumentElement().getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element e) {
                    if (e.getTagName().equals(element)) {
                        return e.getTextContent().trim();
                    }
                    if (e.getTagName().equals("properties")) {
                        var props = e.getElementsByTagName(element);
                        if (props.getLength() > 0) {
                            return props.item(0).getTextContent().trim();
                        }
                    }
                }
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the pom of " + deployable, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, Map<String, String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? key.toString() : prefix + "." + key, value, into));
        } else {
            into.put(prefix, node == null ? null : node.toString());
        }
    }

    private static Properties load() {
        try (InputStream in = Repository.class.getResourceAsStream("/kubernetes-test.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
