package io.revcycle.ingest.publish;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What has been published per source system and encounter id: the latest version and its content
 * hash. Decides whether a submission is a duplicate or a new version. A version is reserved while
 * its record is in flight, so two concurrent submissions of the same encounter wait for each other
 * instead of both publishing; a failed send gives the reservation back.
 */
public final class EncounterLedger {

    /** The ledger's answer for a submission. */
    public sealed interface Decision permits Duplicate, NewVersion {
    }

    /** Same content as the latest published version: publish nothing. */
    public record Duplicate(int version) implements Decision {
    }

    /** New content: publish it as this version, then {@link #confirm} or {@link #release}. */
    public record NewVersion(int version) implements Decision {
    }

    private record Entry(int version, String hash, Entry previous, CompletableFuture<Void> settled) {
        boolean pending() {
            return settled != null;
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** Records a version read back from the topic (rebuild at startup); a later version wins. */
    public void recordPublished(String sourceSystem, String encounterId, int version, String hash) {
        entries.merge(key(sourceSystem, encounterId), new Entry(version, hash, null, null),
                (old, fresh) -> fresh.version >= old.version ? fresh : old);
    }

    /** Decides for a submission, waiting while another submission of the same encounter is in flight. */
    public Decision reserve(String sourceSystem, String encounterId, String hash) {
        String key = key(sourceSystem, encounterId);
        while (true) {
            Decision[] decision = new Decision[1];
            Entry current = entries.compute(key, (k, entry) -> {
                if (entry != null && entry.pending()) {
                    return entry;
                }
                if (entry != null && entry.hash.equals(hash)) {
                    decision[0] = new Duplicate(entry.version);
                    return entry;
                }
                int version = entry == null ? 1 : entry.version + 1;
                decision[0] = new NewVersion(version);
                return new Entry(version, hash, entry, new CompletableFuture<>());
            });
            if (decision[0] != null) {
                return decision[0];
            }
            current.settled.join();
        }
    }

    /** The reserved version was acknowledged by Kafka. */
    public void confirm(String sourceSystem, String encounterId) {
        settle(key(sourceSystem, encounterId), true);
    }

    /** The reserved version could not be published: the previous state stands. */
    public void release(String sourceSystem, String encounterId) {
        settle(key(sourceSystem, encounterId), false);
    }

    /** Number of encounters known (for startup logging). */
    public int size() {
        return entries.size();
    }

    private void settle(String key, boolean published) {
        Entry[] settledEntry = new Entry[1];
        entries.compute(key, (k, entry) -> {
            if (entry == null || !entry.pending()) {
                return entry;
            }
            settledEntry[0] = entry;
            if (published) {
                return new Entry(entry.version, entry.hash, null, null);
            }
            return entry.previous;
        });
        if (settledEntry[0] != null) {
            settledEntry[0].settled.complete(null);
        }
    }

    private static String key(String sourceSystem, String encounterId) {
        return sourceSystem + '\u0000' + encounterId;
    }
}
