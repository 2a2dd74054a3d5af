package io.revcycle.ingest.security;

import io.micronaut.security.authentication.Authentication;

/**
 * The source system a credential speaks for: the API key's configured name, or for a JWT its
 * {@code source_system} claim (falling back to the subject).
 */
public final class SourceSystems {

    /** The claim (and attribute) naming the source system. */
    public static final String CLAIM = "source_system";
    /** Role given to API-key callers. */
    static final String ROLE = "ingest";

    private SourceSystems() {
    }

    /** The source system of an authenticated caller. */
    public static String of(Authentication authentication) {
        Object claim = authentication.getAttributes().get(CLAIM);
        if (claim instanceof String s && !s.isBlank()) {
            return s;
        }
        return authentication.getName();
    }
}
