package io.revcycle.coding.edits;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Coverage policies by procedure code, read from a tab-separated table: procedure, policy id, supporting
 * diagnosis codes or prefixes separated by commas. Lines starting with {@code #} are comments.
 */
public final class CoveragePolicyTable {

    private final Map<String, CoveragePolicy> byProcedure = new HashMap<>();

    public CoveragePolicyTable(Collection<CoveragePolicy> policies) {
        policies.forEach(p -> byProcedure.put(p.procedure(), p));
    }

    public static CoveragePolicyTable read(BufferedReader in) throws IOException {
        List<CoveragePolicy> policies = in.lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t"))
                .filter(f -> f.length >= 3)
                .map(f -> new CoveragePolicy(f[0].trim(), f[1].trim(), Arrays.stream(f[2].split(","))
                        .map(s -> s.trim().replace(".", "")).filter(s -> !s.isEmpty()).toList()))
                .toList();
        return new CoveragePolicyTable(policies);
    }

    public Optional<CoveragePolicy> forProcedure(String procedure) {
        return Optional.ofNullable(byProcedure.get(procedure));
    }

    public int size() {
        return byProcedure.size();
    }
}
