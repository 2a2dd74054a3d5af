package io.revcycle.schemas;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to instantiate classes outside its trusted set; our generated event classes are
 * trusted here, once, for the whole JVM. Called by the static initialisers of {@link Topics},
 * {@link Money}, {@link EventHeaders} and the serde classes, so code that builds or reads events
 * has it; code that builds generated records without touching any of those calls {@link #install}.
 */
public final class TrustedAvroPackages {

    /** The package of the generated event classes. */
    public static final String EVENTS_PACKAGE = "io.revcycle.events";

    private static volatile boolean installed;

    private TrustedAvroPackages() {
    }

    /** Adds the events package to Avro's global class validator (idempotent). */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous,
                type -> type.getName().startsWith(EVENTS_PACKAGE + ".")));
        installed = true;
    }
}
