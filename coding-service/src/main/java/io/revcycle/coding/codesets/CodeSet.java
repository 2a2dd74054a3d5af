package io.revcycle.coding.codesets;

import io.revcycle.events.CodeSystem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every loaded release of one code system, answering "is this code valid on this date of service?".
 *
 * <p>Lookups are a scan of the (few) releases plus one hash lookup. Releases are replaced
 * copy-on-write so an import never blocks coding in progress.
 */
public final class CodeSet {

    private record Release(CodeSetRelease release, Map<String, CodeEntry> byCode, String[] sortedCodes) {
    }

    private final CodeSystem system;
    private volatile List<Release> releases = List.of();

    public CodeSet(CodeSystem system) {
        this.system = system;
    }

    public CodeSystem system() {
        return system;
    }

    /**
     * Adds a release. An earlier release without an end date is closed the day before this one starts,
     * as each fiscal-year release replaces the previous one; a release with the same version replaces it.
     */
    public synchronized void add(CodeSetRelease release, Collection<CodeEntry> entries) {
        Map<String, CodeEntry> byCode = new HashMap<>(entries.size() * 2);
        for (CodeEntry e : entries) {
            byCode.put(e.code(), e);
        }
        String[] sorted = byCode.keySet().toArray(String[]::new);
        Arrays.sort(sorted);
        List<Release> next = new ArrayList<>();
        for (Release r : releases) {
            if (r.release().version().equals(release.version())) {
                continue;
            }
            CodeSetRelease kept = r.release();
            if (kept.effectiveThrough() == null && kept.effectiveFrom().isBefore(release.effectiveFrom())) {
                kept = kept.endingBefore(release.effectiveFrom());
            }
            next.add(new Release(kept, r.byCode(), r.sortedCodes()));
        }
        next.add(new Release(release, Map.copyOf(byCode), sorted));
        next.sort(Comparator.comparing((Release r) -> r.release().effectiveFrom()));
        releases = List.copyOf(next);
    }

    /** The code as the release in force on the date lists it, if that release has it and its own dates allow. */
    public Optional<CodeEntry> lookup(String code, LocalDate date) {
        for (Release r : releases) {
            if (r.release().covers(date)) {
                CodeEntry e = r.byCode().get(code);
                return e != null && e.ownDatesCover(date) ? Optional.of(e) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The code in any loaded release, newest first: tells an out-of-date code from an unknown one. */
    public Optional<CodeEntry> anyRelease(String code) {
        List<Release> rs = releases;
        for (int i = rs.size() - 1; i >= 0; i--) {
            CodeEntry e = rs.get(i).byCode().get(code);
            if (e != null) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The release in force on the date, if any. */
    public Optional<CodeSetRelease> releaseOn(LocalDate date) {
        return releases.stream().map(Release::release).filter(r -> r.covers(date)).findFirst();
    }

    /** Every release loaded, oldest first. */
    public List<CodeSetRelease> releases() {
        return releases.stream().map(Release::release).toList();
    }

    /** Codes of the release in force on the date that start with the prefix and are longer than it. */
    public List<CodeEntry> descendants(String prefix, LocalDate date) {
        for (Release r : releases) {
            if (r.release().covers(date)) {
                List<CodeEntry> found = new ArrayList<>();
                int i = Arrays.binarySearch(r.sortedCodes(), prefix);
                for (int k = i < 0 ? -i - 1 : i + 1; k < r.sortedCodes().length && r.sortedCodes()[k].startsWith(prefix); k++) {
                    CodeEntry e = r.byCode().get(r.sortedCodes()[k]);
                    if (e.ownDatesCover(date)) {
                        found.add(e);
                    }
                }
                return found;
            }
        }
        return List.of();
    }

    /** Entries of the newest release, for indexing descriptions. */
    public Collection<CodeEntry> newestEntries() {
        List<Release> rs = releases;
        return rs.isEmpty() ? List.of() : rs.get(rs.size() - 1).byCode().values();
    }

    /** Number of codes in the newest release. */
    public int size() {
        return newestEntries().size();
    }
}
