package io.revcycle.coding.bench;

import io.revcycle.coding.codesets.CodeEntry;
import io.revcycle.coding.codesets.CodeSet;
import io.revcycle.coding.codesets.CodeSetRelease;
import io.revcycle.coding.codesets.IcdOrderFileReader;
import io.revcycle.coding.codesets.Loaded;
import io.revcycle.events.CodeSystem;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Prints how long loading a full-size ICD-10-CM order file takes (read, parse, index), on a synthetic
 * file of the official size and layout (no full official file ships with the project).
 */
public final class OrderFileLoadBench {

    private OrderFileLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = SyntheticOrderFile.write(Files.createTempFile("icd10cm-order-synthetic", ".txt"));
        System.out.printf("synthetic order file: %,d lines, %,d bytes%n", SyntheticOrderFile.LINES, Files.size(file));
        int runs = 7;
        long[] millis = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            Loaded<CodeEntry> loaded;
            try (BufferedReader in = Files.newBufferedReader(file)) {
                loaded = new IcdOrderFileReader(CodeSystem.ICD10CM).read(in);
            }
            CodeSet set = new CodeSet(CodeSystem.ICD10CM);
            set.add(CodeSetRelease.fiscalYear(CodeSystem.ICD10CM, 2026), loaded.items());
            millis[i] = (System.nanoTime() - start) / 1_000_000;
            if (i == 0) {
                System.out.printf("entries %,d, rejected %d%n", set.size(), loaded.rejected().size());
            }
        }
        System.out.println("load ms per run (first is cold): " + Arrays.toString(millis));
        long[] warm = Arrays.copyOfRange(millis, 1, runs);
        Arrays.sort(warm);
        System.out.printf("cold %d ms, warm median %d ms%n", millis[0], warm[warm.length / 2]);
        Files.delete(file);
    }
}
