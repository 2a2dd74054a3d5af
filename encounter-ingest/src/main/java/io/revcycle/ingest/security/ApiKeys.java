package io.revcycle.ingest.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * API keys per source system, read from a list such as {@code epic-main=key1,cerner-er=key2}.
 * The source system a key names is the source system of every encounter sent with it.
 */
public final class ApiKeys {

    private record Entry(String sourceSystem, byte[] key) {
    }

    private final List<Entry> entries;

    private ApiKeys(List<Entry> entries) {
        this.entries = entries;
    }

    /**
     * Reads {@code source=key} pairs separated by commas; blank input means no keys.
     *
     * @throws IllegalArgumentException when a pair has no '=' or an empty side
     */
    public static ApiKeys parse(String list) {
        List<Entry> entries = new ArrayList<>();
        if (list != null && !list.isBlank()) {
            for (String pair : list.split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0 || eq == pair.trim().length() - 1) {
                    throw new IllegalArgumentException("API keys must be listed as source-system=key pairs separated by commas");
                }
                String source = pair.substring(0, eq).trim();
                String key = pair.substring(eq + 1).trim();
                if (source.isEmpty() || key.isEmpty()) {
                    throw new IllegalArgumentException("API keys must be listed as source-system=key pairs separated by commas");
                }
                entries.add(new Entry(source, key.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return new ApiKeys(List.copyOf(entries));
    }

    /** The source system of the key, compared in constant time against every configured key. */
    public Optional<String> sourceSystemOf(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
        String match = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.key, candidate) && match == null) {
                match = entry.sourceSystem;
            }
        }
        return Optional.ofNullable(match);
    }

    /** Every configured source system. */
    public Set<String> sourceSystems() {
        return entries.stream().map(Entry::sourceSystem).collect(Collectors.toUnmodifiableSet());
    }
}
