package io.revcycle.coding.codesets;

import io.revcycle.events.CodeSystem;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CMS ICD-10-CM and ICD-10-PCS order files (same fixed-width layout): order number
 * (columns 1-5), code without dot (7-13), header/billable flag (15: 0 header, 1 billable), short
 * description (17-76), long description (78 to end of line).
 */
public final class IcdOrderFileReader {

    private static final int CODE_START = 6;
    private static final int CODE_END = 13;
    private static final int FLAG = 14;
    private static final int SHORT_START = 16;
    private static final int SHORT_END = 76;
    private static final int LONG_START = 77;

    private final CodeSystem system;

    /** A reader for {@link CodeSystem#ICD10CM} or {@link CodeSystem#ICD10PCS} order files. */
    public IcdOrderFileReader(CodeSystem system) {
        if (system != CodeSystem.ICD10CM && system != CodeSystem.ICD10PCS) {
            throw new IllegalArgumentException("order files exist for ICD-10-CM and ICD-10-PCS only, not " + system);
        }
        this.system = system;
    }

    /** Reads every line; lines that do not fit the layout are reported in {@link Loaded#rejected()}. */
    public Loaded<CodeEntry> read(BufferedReader in) throws IOException {
        List<CodeEntry> entries = new ArrayList<>(100_000);
        List<Loaded.RejectedLine> rejected = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String problem = problemWith(line);
            if (problem != null) {
                rejected.add(new Loaded.RejectedLine(number, problem));
                continue;
            }
            entries.add(parse(line));
        }
        return new Loaded<>(entries, rejected);
    }

    /** Parses one line known to fit the layout. */
    CodeEntry parse(String line) {
        String code = line.substring(CODE_START, CODE_END).trim();
        boolean billable = line.charAt(FLAG) == '1';
        String shortDescription = line.substring(SHORT_START, Math.min(SHORT_END, line.length())).trim();
        String longDescription = line.length() > LONG_START ? line.substring(LONG_START).trim() : shortDescription;
        return CodeEntry.of(system, code, billable, shortDescription, longDescription);
    }

    private static String problemWith(String line) {
        if (line.length() < SHORT_START + 1) {
            return "line shorter than the order-file layout";
        }
        for (int i = 0; i < 5; i++) {
            if (!Character.isDigit(line.charAt(i))) {
                return "order number is not five digits";
            }
        }
        char flag = line.charAt(FLAG);
        if (flag != '0' && flag != '1') {
            return "header/billable flag is neither 0 nor 1";
        }
        if (!CodeFormat.isCodeToken(line.substring(CODE_START, CODE_END).trim())) {
            return "code column holds no code";
        }
        return null;
    }
}
