package io.revcycle.deploy.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The registry's view of the {@code _schemas} topic: subjects and their versions, schema ids,
 * compatibility settings. Built only by applying the topic's records in order, so that a replay
 * after a restart rebuilds exactly what was served before; applying a record twice changes
 * nothing.
 */
final class RegistryState {

    /** A subject and version that use a schema id. */
    record SubjectVersion(String subject, int version) {
    }

    private final Map<String, TreeMap<Integer, StoredSchema>> subjects = new TreeMap<>();
    private final Map<Integer, SchemaDefinition> definitionsById = new HashMap<>();
    private final Map<String, Integer> idsByIdentity = new HashMap<>();
    private final Map<Integer, Integer> usesById = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = CompatibilityLevel.DEFAULT;
    private int maxId;

    synchronized void apply(SchemaRecords.Entry entry) {
        if (entry instanceof SchemaRecords.SchemaEntry e) {
            applySchema(e);
        } else if (entry instanceof SchemaRecords.ConfigEntry e) {
            if (e.subject() == null) {
                globalLevel = e.level() == null ? CompatibilityLevel.DEFAULT : e.level();
            } else if (e.level() == null) {
                subjectLevels.remove(e.subject());
            } else {
                subjectLevels.put(e.subject(), e.level());
            }
        } else if (entry instanceof SchemaRecords.DeleteSubjectEntry e) {
            TreeMap<Integer, StoredSchema> versions = subjects.get(e.subject());
            if (versions != null) {
                versions.headMap(e.upToVersion(), true).replaceAll((v, s) -> s.softDeleted());
            }
        }
    }

    private void applySchema(SchemaRecords.SchemaEntry e) {
        TreeMap<Integer, StoredSchema> versions = subjects.computeIfAbsent(e.subject(), s -> new TreeMap<>());
        StoredSchema previous = e.schema() == null ? versions.remove(e.version()) : versions.put(e.version(), e.schema());
        if (previous != null) {
            release(previous.id());
        }
        if (e.schema() != null) {
            int id = e.schema().id();
            definitionsById.putIfAbsent(id, e.schema().definition());
            idsByIdentity.putIfAbsent(e.schema().definition().identity(), id);
            usesById.merge(id, 1, Integer::sum);
            maxId = Math.max(maxId, id);
        }
        if (versions.isEmpty()) {
            subjects.remove(e.subject());
        }
    }

    /** An id no version uses any more stops resolving, as it would after a replay of the compacted topic. */
    private void release(int id) {
        int left = usesById.merge(id, -1, Integer::sum);
        if (left <= 0) {
            usesById.remove(id);
            SchemaDefinition definition = definitionsById.remove(id);
            if (definition != null) {
                idsByIdentity.remove(definition.identity(), id);
            }
        }
    }

    synchronized Optional<SchemaDefinition> definition(int id) {
        return Optional.ofNullable(definitionsById.get(id));
    }

    synchronized Optional<Integer> idOf(SchemaDefinition definition) {
        return Optional.ofNullable(idsByIdentity.get(definition.identity()));
    }

    /** The id the next new definition gets: one more than any id seen. */
    synchronized int nextId() {
        return maxId + 1;
    }

    synchronized List<String> subjects(boolean includeDeleted) {
        List<String> names = new ArrayList<>();
        subjects.forEach((name, versions) -> {
            if (includeDeleted || versions.values().stream().anyMatch(s -> !s.deleted())) {
                names.add(name);
            }
        });
        return names;
    }

    /** Every version of {@code subject}, oldest first, soft-deleted ones included. */
    synchronized List<StoredSchema> versions(String subject) {
        TreeMap<Integer, StoredSchema> versions = subjects.get(subject);
        return versions == null ? List.of() : List.copyOf(versions.values());
    }

    synchronized List<SubjectVersion> uses(int id, boolean includeDeleted) {
        List<SubjectVersion> uses = new ArrayList<>();
        subjects.forEach((name, versions) -> versions.values().forEach(s -> {
            if (s.id() == id && (includeDeleted || !s.deleted())) {
                uses.add(new SubjectVersion(name, s.version()));
            }
        }));
        return uses;
    }

    /** Ids of the live versions whose references name {@code subject} version {@code version}. */
    synchronized List<Integer> referencedBy(String subject, int version) {
        List<Integer> ids = new ArrayList<>();
        subjects.values().forEach(versions -> versions.values().forEach(s -> {
            boolean refers = s.definition().references().stream()
                    .anyMatch(r -> r.subject().equals(subject) && r.version() == version);
            if (refers && !s.deleted() && !ids.contains(s.id())) {
                ids.add(s.id());
            }
        }));
        return ids;
    }

    synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    synchronized CompatibilityLevel globalLevel() {
        return globalLevel;
    }
}
