package io.revcycle.coding.codesets;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Medically unlikely edits of one setting, read from the CMS tab-separated table: code, MUE value,
 * adjudication indicator (text starting with 1, 2 or 3), rationale. Title and heading lines are skipped.
 */
public final class MueTable {

    private final Map<String, MueLimit> byCode;

    public MueTable(Collection<MueLimit> limits) {
        Map<String, MueLimit> map = new HashMap<>(limits.size() * 2);
        for (MueLimit l : limits) {
            map.put(l.code(), l);
        }
        this.byCode = map;
    }

    public static MueTable empty() {
        return new MueTable(List.of());
    }

    public static Loaded<MueLimit> read(BufferedReader in) throws IOException {
        List<MueLimit> limits = new ArrayList<>();
        List<Loaded.RejectedLine> rejected = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            String[] f = line.split("\t", -1);
            if (f.length < 3 || !CodeFormat.isCodeToken(f[0].trim())) {
                continue;
            }
            try {
                limits.add(new MueLimit(f[0].trim(), Integer.parseInt(f[1].trim()),
                        MueLimit.AdjudicationIndicator.of(f[2]), f.length > 3 ? f[3].trim() : ""));
            } catch (IllegalArgumentException e) {
                rejected.add(new Loaded.RejectedLine(number, e.getMessage()));
            }
        }
        return new Loaded<>(limits, rejected);
    }

    public Optional<MueLimit> limitFor(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public int size() {
        return byCode.size();
    }
}
