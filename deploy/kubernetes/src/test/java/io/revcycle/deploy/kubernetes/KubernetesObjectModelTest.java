package io.revcycle.deploy.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Every manifest object reads into the Kubernetes object model (fabric8's, generated from the
 * Kubernetes API), field by field: a misspelt or misplaced field would land in the model's
 * catch-all of unknown properties, and a value of the wrong type would not read at all.
 */
class KubernetesObjectModelTest {

    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "Namespace", Namespace.class,
            "ConfigMap", ConfigMap.class,
            "Secret", Secret.class,
            "Service", Service.class,
            "Deployment", Deployment.class,
            "StatefulSet", StatefulSet.class);

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void everyManifestFieldIsOneKubernetesKnows() throws IllegalAccessException {
        List<String> unknown = new ArrayList<>();
        for (Map<String, Object> object : Manifests.objects()) {
            String kind = (String) object.get("kind");
            Class<? extends HasMetadata> type = KINDS.get(kind);
            assertNotNull(type, "no model for kind " + kind);
            HasMetadata typed = mapper.convertValue(object, type);
            assertEquals(kind, typed.getKind());
            collectUnknown(typed, kind + "/" + typed.getMetadata().getName(), unknown);
        }
        assertEquals(List.of(), unknown, "fields Kubernetes does not know");
    }

    @Test
    void aMisspeltFieldIsCaught() throws IllegalAccessException {
        Map<String, Object> service = Map.of("apiVersion", "v1", "kind", "Service",
                "metadata", Map.of("name", "s"), "spec", Map.of("selectr", Map.of("a", "b")));
        List<String> unknown = new ArrayList<>();
        collectUnknown(mapper.convertValue(service, Service.class), "Service/s", unknown);
        assertEquals(List.of("Service/s.spec: [selectr]"), unknown);
    }

    private static void collectUnknown(Object node, String path, List<String> unknown) throws IllegalAccessException {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknown(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                collectUnknown(entry.getValue(), path + "." + entry.getKey(), unknown);
            }
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Class<?> c = node.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                Object value = field.get(node);
                if (field.getName().equals("additionalProperties")) {
                    if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        unknown.add(path + ": " + extra.keySet());
                    }
                } else {
                    collectUnknown(value, path + "." + field.getName(), unknown);
                }
            }
        }
    }
}
