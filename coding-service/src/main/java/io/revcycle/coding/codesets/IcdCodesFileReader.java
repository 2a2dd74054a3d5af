package io.revcycle.coding.codesets;

import io.revcycle.events.CodeSystem;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CMS ICD-10-CM codes file: the code without dot padded to 8 columns, then the long
 * description. The file lists billable codes only (no headers, no short descriptions).
 */
public final class IcdCodesFileReader {

    private static final int DESCRIPTION_START = 8;

    public Loaded<CodeEntry> read(BufferedReader in) throws IOException {
        List<CodeEntry> entries = new ArrayList<>(80_000);
        List<Loaded.RejectedLine> rejected = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String code = line.substring(0, Math.min(DESCRIPTION_START, line.length())).trim();
            if (line.length() <= DESCRIPTION_START || !CodeFormat.isCodeToken(code) || line.charAt(DESCRIPTION_START - 1) != ' ') {
                rejected.add(new Loaded.RejectedLine(number, "line does not start with a code padded to 8 columns"));
                continue;
            }
            String description = line.substring(DESCRIPTION_START).trim();
            entries.add(CodeEntry.of(CodeSystem.ICD10CM, code, true, null, description));
        }
        return new Loaded<>(entries, rejected);
    }
}
