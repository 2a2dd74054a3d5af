package io.revcycle.coding.codesets;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * NCCI procedure-to-procedure edits of one setting (practitioner or outpatient hospital), read from
 * the CMS tab-separated table: column 1, column 2, existed before 1996 ({@code *}), effective date,
 * deletion date ({@code *} when none), modifier indicator (0/1/9), rationale. Title and column-heading
 * lines are skipped.
 */
public final class NcciPtpTable {

    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private final Map<String, List<PtpEdit>> byPair;
    private final int size;

    public NcciPtpTable(Collection<PtpEdit> edits) {
        Map<String, List<PtpEdit>> map = new HashMap<>(edits.size() * 2);
        for (PtpEdit e : edits) {
            map.computeIfAbsent(key(e.column1(), e.column2()), k -> new ArrayList<>(1)).add(e);
        }
        this.byPair = map;
        this.size = edits.size();
    }

    /** An empty table. */
    public static NcciPtpTable empty() {
        return new NcciPtpTable(List.of());
    }

    /** Reads a CMS PTP table. */
    public static Loaded<PtpEdit> read(BufferedReader in) throws IOException {
        List<PtpEdit> edits = new ArrayList<>();
        List<Loaded.RejectedLine> rejected = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            String[] f = line.split("\t", -1);
            if (f.length < 6 || !CodeFormat.isCodeToken(f[0].trim()) || !f[3].trim().matches("\\d{8}")) {
                // titles, copyright lines and column headings of the CMS file
                if (!line.isBlank() && f.length >= 6 && CodeFormat.isCodeToken(f[0].trim())) {
                    rejected.add(new Loaded.RejectedLine(number, "effective date is not yyyymmdd"));
                }
                continue;
            }
            try {
                String deletion = f[4].trim();
                edits.add(new PtpEdit(f[0].trim(), f[1].trim(), "*".equals(f[2].trim()),
                        LocalDate.parse(f[3].trim(), YYYYMMDD),
                        deletion.isEmpty() || "*".equals(deletion) ? null : LocalDate.parse(deletion, YYYYMMDD),
                        PtpEdit.ModifierIndicator.of(f[5]), f.length > 6 ? f[6].trim() : ""));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                rejected.add(new Loaded.RejectedLine(number, e.getMessage()));
            }
        }
        return new Loaded<>(edits, rejected);
    }

    /** The edit active on the date between the two codes, in either column order. */
    public Optional<PtpEdit> between(String a, String b, LocalDate date) {
        Optional<PtpEdit> found = active(byPair.get(key(a, b)), date);
        return found.isPresent() ? found : active(byPair.get(key(b, a)), date);
    }

    public int size() {
        return size;
    }

    private static Optional<PtpEdit> active(List<PtpEdit> edits, LocalDate date) {
        if (edits == null) {
            return Optional.empty();
        }
        for (PtpEdit e : edits) {
            if (e.activeOn(date)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static String key(String column1, String column2) {
        return column1 + '|' + column2;
    }
}
