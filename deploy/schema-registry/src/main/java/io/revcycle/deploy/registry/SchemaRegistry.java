package io.revcycle.deploy.registry;

import org.apache.avro.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the registry does, in Confluent's terms: registers, looks up, checks and deletes schemas,
 * and keeps compatibility settings. Reads answer from the {@link RegistryState}; every change is
 * decided and written under one lock (the single writer), so two requests registering the same
 * schema at once get the same id.
 */
final class SchemaRegistry {

    /** The version path segment {@code latest} (Confluent also accepts {@code -1}). */
    static final int LATEST = -1;

    private final RegistryState state;
    private final KafkaSchemaLog log;
    private final Object writer = new Object();
    private final Map<Integer, Schema> parsedById = new ConcurrentHashMap<>();

    SchemaRegistry(RegistryState state, KafkaSchemaLog log) {
        this.state = state;
        this.log = log;
    }

    /** Reads a version path segment: a positive int, {@code latest} or {@code -1}; else 42202. */
    static int parseVersion(String text) {
        if ("latest".equals(text)) {
            return LATEST;
        }
        try {
            int version = Integer.parseInt(text);
            if (version == LATEST || version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // reported below with Confluent's wording
        }
        throw RegistryException.invalidVersion(text);
    }

    /** Registers {@code schema} under {@code subject}, or returns the id it is already registered with. */
    int register(String subject, String schemaType, String schema, List<SchemaReference> references) {
        AvroSchemas.Parsed parsed = parse(schemaType, schema, references);
        return asWriter(() -> {
            List<StoredSchema> versions = state.versions(subject);
            for (StoredSchema existing : versions) {
                if (!existing.deleted() && existing.definition().identity().equals(parsed.definition().identity())) {
                    return existing.id();
                }
            }
            List<String> problems = levelOf(subject).problems(parsed.schema(), liveNewestFirst(versions));
            if (!problems.isEmpty()) {
                throw RegistryException.incompatible(subject, problems);
            }
            int id = state.idOf(parsed.definition()).orElseGet(state::nextId);
            int version = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
            StoredSchema stored = new StoredSchema(subject, version, id, parsed.definition(), false);
            log.append(List.of(new KafkaSchemaLog.Write(SchemaRecords.schemaKey(subject, version),
                    SchemaRecords.schemaValue(stored))));
            parsedById.putIfAbsent(id, parsed.schema());
            return id;
        });
    }

    /** The version of {@code subject} holding {@code schema} (the newest if several). */
    StoredSchema lookup(String subject, String schemaType, String schema, List<SchemaReference> references,
                        boolean includeDeleted) {
        List<StoredSchema> versions = existingVersions(subject, includeDeleted);
        String identity = parse(schemaType, schema, references).definition().identity();
        for (int i = versions.size() - 1; i >= 0; i--) {
            StoredSchema candidate = versions.get(i);
            if ((includeDeleted || !candidate.deleted()) && candidate.definition().identity().equals(identity)) {
                return candidate;
            }
        }
        throw RegistryException.schemaNotFound();
    }

    SchemaDefinition schemaById(int id) {
        return state.definition(id).orElseThrow(() -> RegistryException.schemaNotFound(id));
    }

    List<RegistryState.SubjectVersion> usesOf(int id, boolean includeDeleted) {
        schemaById(id);
        return state.uses(id, includeDeleted);
    }

    List<String> subjects(boolean includeDeleted) {
        return state.subjects(includeDeleted);
    }

    List<Integer> versions(String subject, boolean includeDeleted) {
        List<Integer> numbers = new ArrayList<>();
        for (StoredSchema s : existingVersions(subject, includeDeleted)) {
            if (includeDeleted || !s.deleted()) {
                numbers.add(s.version());
            }
        }
        return numbers;
    }

    StoredSchema version(String subject, int version, boolean includeDeleted) {
        List<StoredSchema> versions = existingVersions(subject, includeDeleted);
        return find(subject, versions, version, includeDeleted);
    }

    /**
     * Why {@code schema} may not be registered under {@code subject}: judged against one version
     * ({@code version}), or against what a registration would be checked against when
     * {@code version} is null. Empty when compatible.
     */
    List<String> compatibilityProblems(String subject, Integer version, String schemaType, String schema,
                                       List<SchemaReference> references) {
        AvroSchemas.Parsed parsed = parse(schemaType, schema, references);
        List<StoredSchema> versions = state.versions(subject);
        List<CompatibilityLevel.Version> live = liveNewestFirst(versions);
        CompatibilityLevel level = levelOf(subject);
        if (version == null) {
            return level.problems(parsed.schema(), live);
        }
        if (version == LATEST && live.isEmpty()) {
            return List.of();
        }
        if (live.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        StoredSchema against = find(subject, versions, version, false);
        return level.problems(parsed.schema(),
                List.of(new CompatibilityLevel.Version(against.version(), parsedSchema(against))));
    }

    CompatibilityLevel globalLevel() {
        return state.globalLevel();
    }

    CompatibilityLevel subjectLevel(String subject, boolean defaultToGlobal) {
        Optional<CompatibilityLevel> own = state.subjectLevel(subject);
        if (own.isPresent()) {
            return own.get();
        }
        if (defaultToGlobal) {
            return state.globalLevel();
        }
        throw RegistryException.subjectCompatibilityNotConfigured(subject);
    }

    /** Sets the global level ({@code subject} null) or a subject's own level; answers the level set. */
    CompatibilityLevel setLevel(String subject, CompatibilityLevel level) {
        return asWriter(() -> {
            log.append(List.of(new KafkaSchemaLog.Write(SchemaRecords.configKey(subject),
                    SchemaRecords.configValue(level))));
            return level;
        });
    }

    /** Puts the global level back to the default; answers the level it had. */
    CompatibilityLevel resetGlobalLevel() {
        return asWriter(() -> {
            CompatibilityLevel old = state.globalLevel();
            log.append(List.of(new KafkaSchemaLog.Write(SchemaRecords.configKey(null), null)));
            return old;
        });
    }

    /** Removes a subject's own level so that the global one applies; answers the level it had. */
    CompatibilityLevel deleteSubjectLevel(String subject) {
        return asWriter(() -> {
            CompatibilityLevel old = subjectLevel(subject, false);
            log.append(List.of(new KafkaSchemaLog.Write(SchemaRecords.configKey(subject), null)));
            return old;
        });
    }

    /**
     * Soft-deletes every live version of a subject (and its own compatibility level, as Confluent
     * does), or with {@code permanent} removes the already soft-deleted versions for good.
     */
    List<Integer> deleteSubject(String subject, boolean permanent) {
        return asWriter(() -> {
            List<StoredSchema> versions = state.versions(subject);
            if (versions.isEmpty()) {
                throw RegistryException.subjectNotFound(subject);
            }
            for (StoredSchema s : versions) {
                refuseIfReferenced(s);
            }
            boolean anyLive = versions.stream().anyMatch(s -> !s.deleted());
            if (!permanent && !anyLive) {
                throw RegistryException.subjectSoftDeleted(subject);
            }
            if (permanent && anyLive) {
                throw RegistryException.subjectNotSoftDeleted(subject);
            }
            List<KafkaSchemaLog.Write> writes = new ArrayList<>();
            List<Integer> deleted = new ArrayList<>();
            for (StoredSchema s : versions) {
                if (permanent) {
                    writes.add(new KafkaSchemaLog.Write(SchemaRecords.schemaKey(subject, s.version()), null));
                    deleted.add(s.version());
                } else if (!s.deleted()) {
                    writes.add(new KafkaSchemaLog.Write(SchemaRecords.schemaKey(subject, s.version()),
                            SchemaRecords.schemaValue(s.softDeleted())));
                    deleted.add(s.version());
                }
            }
            if (state.subjectLevel(subject).isPresent()) {
                writes.add(new KafkaSchemaLog.Write(SchemaRecords.configKey(subject), null));
            }
            log.append(writes);
            return deleted;
        });
    }

    /** Soft-deletes one version, or with {@code permanent} removes an already soft-deleted one. */
    int deleteVersion(String subject, int version, boolean permanent) {
        return asWriter(() -> {
            List<StoredSchema> versions = state.versions(subject);
            if (versions.isEmpty()) {
                throw RegistryException.subjectNotFound(subject);
            }
            // "latest" means the newest live version for a soft delete, the newest at all for a permanent one
            StoredSchema target = find(subject, versions, version, version != LATEST || permanent);
            refuseIfReferenced(target);
            if (!permanent && target.deleted()) {
                throw RegistryException.versionSoftDeleted(subject, target.version());
            }
            if (permanent && !target.deleted()) {
                throw RegistryException.versionNotSoftDeleted(subject, target.version());
            }
            String key = SchemaRecords.schemaKey(subject, target.version());
            log.append(List.of(new KafkaSchemaLog.Write(key,
                    permanent ? null : SchemaRecords.schemaValue(target.softDeleted()))));
            return target.version();
        });
    }

    /** Ids of the live schemas that reference a version, as Confluent's {@code referencedby} answers. */
    List<Integer> referencedBy(String subject, int version) {
        StoredSchema target = version(subject, version, false);
        return state.referencedBy(subject, target.version());
    }

    /** A version other schemas are built on stays until they go (Confluent's 42206). */
    private void refuseIfReferenced(StoredSchema version) {
        if (!state.referencedBy(version.subject(), version.version()).isEmpty()) {
            throw RegistryException.referenceExists(version.subject(), version.version());
        }
    }

    /** Runs a change as the single writer, deciding on a state that holds every earlier write. */
    private <T> T asWriter(Supplier<T> change) {
        synchronized (writer) {
            log.catchUp();
            return change.get();
        }
    }

    private CompatibilityLevel levelOf(String subject) {
        return state.subjectLevel(subject).orElseGet(state::globalLevel);
    }

    private List<StoredSchema> existingVersions(String subject, boolean includeDeleted) {
        List<StoredSchema> versions = state.versions(subject);
        if (versions.isEmpty() || (!includeDeleted && versions.stream().allMatch(StoredSchema::deleted))) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versions;
    }

    private static StoredSchema find(String subject, List<StoredSchema> versions, int version, boolean includeDeleted) {
        for (int i = versions.size() - 1; i >= 0; i--) {
            StoredSchema s = versions.get(i);
            boolean visible = includeDeleted || !s.deleted();
            if (visible && (version == LATEST || s.version() == version)) {
                return s;
            }
        }
        throw RegistryException.versionNotFound(subject, version == LATEST ? "latest" : version);
    }

    private List<CompatibilityLevel.Version> liveNewestFirst(List<StoredSchema> versions) {
        List<CompatibilityLevel.Version> live = new ArrayList<>();
        for (int i = versions.size() - 1; i >= 0; i--) {
            StoredSchema s = versions.get(i);
            if (!s.deleted()) {
                live.add(new CompatibilityLevel.Version(s.version(), parsedSchema(s)));
            }
        }
        return live;
    }

    private Schema parsedSchema(StoredSchema stored) {
        return parsedById.computeIfAbsent(stored.id(), id -> {
            SchemaDefinition d = stored.definition();
            return parse(d.schemaType(), d.schema(), d.references()).schema();
        });
    }

    private AvroSchemas.Parsed parse(String schemaType, String schema, List<SchemaReference> references) {
        return AvroSchemas.parse(schemaType, schema, references, this::referencedDefinition);
    }

    private SchemaDefinition referencedDefinition(String subject, int version) {
        List<StoredSchema> versions = state.versions(subject);
        for (int i = versions.size() - 1; i >= 0; i--) {
            StoredSchema s = versions.get(i);
            if (version == LATEST ? !s.deleted() : s.version() == version) {
                return s.definition();
            }
        }
        return null;
    }
}
