package io.revcycle.coding.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a synthetic ICD-10-CM order file of full size (97,584 lines, like the April 2025 release) in
 * the official fixed-width layout. Codes and descriptions are made up; only the shape is real.
 */
final class SyntheticOrderFile {

    static final int LINES = 97_584;
    private static final String[] WORDS = {"fracture", "of", "lower", "end", "right", "left", "radius", "initial",
            "encounter", "diabetes", "mellitus", "with", "without", "complications", "chronic", "acute", "disease",
            "unspecified", "other", "specified", "heart", "failure", "injury", "open", "wound", "closed", "sequela"};

    private SyntheticOrderFile() {
    }

    static Path write(Path file) throws IOException {
        Random random = new Random(2025);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            int order = 0;
            char letter = 'A';
            int category = 0;
            while (order < LINES) {
                String header = String.format("%c%02d", letter, category);
                order = line(out, order, header, false, random);
                for (int sub = 0; sub < 10 && order < LINES; sub++) {
                    String subcategory = header + sub;
                    order = line(out, order, subcategory, false, random);
                    for (int leaf = 0; leaf < 9 && order < LINES; leaf++) {
                        String code = subcategory + leaf + (char) ('A' + leaf % 3) + "X" + (char) ('A' + leaf % 6);
                        order = line(out, order, code.substring(0, 7), true, random);
                    }
                }
                if (++category == 100) {
                    category = 0;
                    letter++;
                }
            }
        }
        return file;
    }

    private static int line(BufferedWriter out, int order, String code, boolean billable, Random random) throws IOException {
        StringBuilder description = new StringBuilder();
        int words = 4 + random.nextInt(14);
        for (int i = 0; i < words; i++) {
            description.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        String longDescription = description.toString();
        String shortDescription = longDescription.length() > 60 ? longDescription.substring(0, 60) : longDescription;
        out.write(String.format("%05d %-7s %s %-60s %s%n", order + 1, code, billable ? "1" : "0", shortDescription, longDescription));
        return order + 1;
    }
}
