package io.revcycle.deploy.registry;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Confluent's seven compatibility levels, judged with Avro's reader/writer rules.
 *
 * <p>BACKWARD: the new schema reads data written with the previous one (consumers upgrade
 * first). FORWARD: the previous schema reads data written with the new one (producers upgrade
 * first). FULL: both. The {@code _TRANSITIVE} variants check every live version of the subject,
 * the others only the latest.
 */
enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    static final CompatibilityLevel DEFAULT = BACKWARD;

    private final boolean newReadsOld;
    private final boolean oldReadsNew;
    private final boolean transitive;

    CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
        this.newReadsOld = newReadsOld;
        this.oldReadsNew = oldReadsNew;
        this.transitive = transitive;
    }

    /** Parses a level case-insensitively, refusing anything else with Confluent's 42203. */
    static CompatibilityLevel parse(String name) {
        if (name == null) {
            throw RegistryException.invalidCompatibilityLevel("null");
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RegistryException.invalidCompatibilityLevel(name);
        }
    }

    /** A live version of a subject, as the compatibility check sees it. */
    record Version(int version, Schema schema) {
    }

    /**
     * The reasons {@code candidate} may not join a subject whose live versions are
     * {@code previousNewestFirst}; empty when it may.
     */
    List<String> problems(Schema candidate, List<Version> previousNewestFirst) {
        List<String> problems = new ArrayList<>();
        if (this == NONE || previousNewestFirst.isEmpty()) {
            return problems;
        }
        List<Version> against = transitive ? previousNewestFirst : previousNewestFirst.subList(0, 1);
        for (Version previous : against) {
            if (newReadsOld) {
                describe(candidate, previous.schema(), "the new schema cannot read data written with version "
                        + previous.version(), problems);
            }
            if (oldReadsNew) {
                describe(previous.schema(), candidate, "version " + previous.version()
                        + " cannot read data written with the new schema", problems);
            }
        }
        return problems;
    }

    private static void describe(Schema reader, Schema writer, String direction, List<String> problems) {
        SchemaCompatibility.SchemaPairCompatibility verdict =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (verdict.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        for (Incompatibility incompatibility : verdict.getResult().getIncompatibilities()) {
            problems.add(incompatibility.getType() + " at '" + incompatibility.getLocation() + "': "
                    + incompatibility.getMessage() + " (" + direction + ")");
        }
    }
}
