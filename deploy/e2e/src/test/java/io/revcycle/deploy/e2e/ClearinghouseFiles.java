package io.revcycle.deploy.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the clearinghouse received, read back from its folders with a plain reading of the X12
 * (separators from ISA): the claims of every 837 the simulator took from the outbox, and how many
 * 999s answered each interchange. Independent of the claim builder's and the simulator's own code.
 */
public final class ClearinghouseFiles {

    /** One 837 file the clearinghouse took: its ISA13, its name and the claim ids of its CLM segments. */
    public record Interchange(long controlNumber, String fileName, List<String> claimIds) {
    }

    private ClearinghouseFiles() {
    }

    /**
     * The 837s the simulator took ({@code processed/}, {@code claimed/}, {@code failed/} of its work
     * directory). A file delivered twice under the same name is kept once: see {@link #answersPerInterchange}.
     */
    public static List<Interchange> taken(Path simulatorDir) {
        List<Interchange> out = new ArrayList<>();
        for (Path file : files(List.of(simulatorDir.resolve("processed"), simulatorDir.resolve("claimed"), simulatorDir.resolve("failed")))) {
            List<String[]> segments = segments(file);
            segments.stream().filter(s -> s[0].equals("ISA") && s.length > 13).findFirst().ifPresent(isa -> out.add(
                    new Interchange(Long.parseLong(isa[13].strip()), file.getFileName().toString(),
                            segments.stream().filter(s -> s[0].equals("CLM")).map(s -> s[1]).toList())));
        }
        return out;
    }

    /**
     * Per group control number acknowledged (999 AK1 02; the claim builder's GS06 is its ISA13), how
     * many 999s acknowledged it, from the acknowledgment inbox and its {@code processed/} and
     * {@code failed/}: one per 837 the clearinghouse received.
     */
    public static Map<Long, Integer> answersPerInterchange(Path acksDir) {
        Map<Long, Integer> answers = new TreeMap<>();
        for (Path file : files(List.of(acksDir, acksDir.resolve("processed"), acksDir.resolve("failed")))) {
            segments(file).stream().filter(s -> s[0].equals("AK1") && s.length > 2)
                    .forEach(s -> answers.merge(Long.parseLong(s[2].strip()), 1, Integer::sum));
        }
        return answers;
    }

    /**
     * Every TA1 that refused a whole interchange, as "TA101 TA105 file", from the acknowledgment
     * inbox and its {@code processed/} and {@code failed/}.
     */
    public static List<String> interchangeRefusals(Path acksDir) {
        List<String> refusals = new ArrayList<>();
        for (Path file : files(List.of(acksDir, acksDir.resolve("processed"), acksDir.resolve("failed")))) {
            segments(file).stream().filter(s -> s[0].equals("TA1") && s.length > 5 && s[4].equals("R"))
                    .forEach(s -> refusals.add(s[1] + " " + s[5] + " " + file.getFileName()));
        }
        return refusals;
    }

    private static List<Path> files(List<Path> dirs) {
        List<Path> out = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static List<String[]> segments(Path file) {
        String x12;
        try {
            x12 = Files.readString(file, StandardCharsets.ISO_8859_1).stripLeading();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!x12.startsWith("ISA") || x12.length() < 106) {
            return List.of();
        }
        String element = Pattern.quote(String.valueOf(x12.charAt(3)));
        List<String[]> segments = new ArrayList<>();
        for (String raw : x12.split(Pattern.quote(String.valueOf(x12.charAt(105))))) {
            String s = raw.strip();
            if (!s.isEmpty()) {
                segments.add(s.split(element, -1));
            }
        }
        return segments;
    }
}
