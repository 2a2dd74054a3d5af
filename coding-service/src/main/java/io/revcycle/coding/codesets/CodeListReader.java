package io.revcycle.coding.codesets;

import io.revcycle.events.CodeSystem;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a plain list of code numbers, one per line, optionally followed by a tab and a description
 * the customer is licensed to load. CPT is licensed: the project ships code numbers only.
 */
public final class CodeListReader {

    private final CodeSystem system;

    public CodeListReader(CodeSystem system) {
        this.system = system;
    }

    public Loaded<CodeEntry> read(BufferedReader in) throws IOException {
        List<CodeEntry> entries = new ArrayList<>();
        List<Loaded.RejectedLine> rejected = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", 2);
            String code = CodeFormat.normalize(parts[0]);
            if (!CodeFormat.isWellFormed(system, code)) {
                rejected.add(new Loaded.RejectedLine(number, "not a " + system + " code: " + parts[0]));
                continue;
            }
            String description = parts.length > 1 ? parts[1].trim() : null;
            entries.add(CodeEntry.of(system, code, true, null, description));
        }
        return new Loaded<>(entries, rejected);
    }
}
