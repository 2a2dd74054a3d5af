package io.revcycle.coding.codesets;

import io.revcycle.events.CodeSystem;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the CMS HCPCS Level II annual/quarterly file in the fixed-width contractor record layout
 * (320-character "HCPC" records). Columns used (1-based): code 1-5, record identification 11
 * (3 first line of a procedure, 4 its continuation lines, 7 and 8 the same for modifiers), long
 * description 12-91 (continued over records 4), short description 92-119, code added date 269-276,
 * action effective date 277-284, termination date 285-292 (all yyyyMMdd).
 *
 * <p>Modifier records are skipped: modifiers are not codes a line can bill.
 */
public final class HcpcsFileReader {

    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    public Loaded<CodeEntry> read(BufferedReader in) throws IOException {
        Map<String, CodeEntry> byCode = new LinkedHashMap<>();
        List<Loaded.RejectedLine> rejected = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            if (line.length() < 12) {
                rejected.add(new Loaded.RejectedLine(number, "record shorter than the HCPC layout"));
                continue;
            }
            String code = line.substring(0, 5).trim();
            char recordId = line.charAt(10);
            String longPart = descriptionColumns(line);
            switch (recordId) {
                case '3' -> {
                    if (!CodeFormat.isHcpcsLevelTwo(code)) {
                        rejected.add(new Loaded.RejectedLine(number, "not a HCPCS Level II code: " + code));
                        continue;
                    }
                    try {
                        byCode.put(code, new CodeEntry(CodeSystem.HCPCS, code, true, column(line, 92, 119), longPart,
                                date(column(line, 269, 276)), date(column(line, 285, 292))));
                    } catch (DateTimeParseException e) {
                        rejected.add(new Loaded.RejectedLine(number, "unreadable date: " + e.getParsedString()));
                    }
                }
                case '4' -> {
                    CodeEntry first = byCode.get(code);
                    if (first == null) {
                        rejected.add(new Loaded.RejectedLine(number, "continuation without a first record for " + code));
                    } else {
                        byCode.put(code, new CodeEntry(first.system(), code, true, first.shortDescription(),
                                first.longDescription() + longPart, first.addedOn(), first.terminatedOn()));
                    }
                }
                case '7', '8' -> {
                    // modifier records: not billable codes
                }
                default -> rejected.add(new Loaded.RejectedLine(number, "unknown record identification " + recordId));
            }
        }
        List<CodeEntry> entries = byCode.values().stream()
                .map(e -> new CodeEntry(e.system(), e.code(), true, e.shortDescription(), e.longDescription().replaceAll(" {2,}", " ").trim(),
                        e.addedOn(), e.terminatedOn()))
                .toList();
        return new Loaded<>(entries, rejected);
    }

    /** Columns from..to, 1-based and inclusive, trimmed at the end only (continuations keep their leading space). */
    private static String column(String line, int from, int to) {
        if (line.length() < from) {
            return "";
        }
        return line.substring(from - 1, Math.min(to, line.length())).stripTrailing();
    }

    /** The 80 long-description columns, padded: a description continues over records exactly at column 91. */
    private static String descriptionColumns(String line) {
        String raw = line.length() < 12 ? "" : line.substring(11, Math.min(91, line.length()));
        return raw + " ".repeat(80 - raw.length());
    }

    private static LocalDate date(String value) {
        String v = value.trim();
        return v.isEmpty() ? null : LocalDate.parse(v, YYYYMMDD);
    }
}
