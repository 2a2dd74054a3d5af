package io.revcycle.deploy.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Hundreds of damaged copies of a good 837 (truncated, characters replaced, segments dropped or
 * repeated): every one is answered with a 999 and none ends in the simulator's failed folder.
 */
class DamagedClaimFilesTest {

    private static final int COPIES = 300;
    private static final String NOISE = "*~:^A0 \n-.";

    @TempDir
    Path dir;

    @Test
    void everyDamagedFileGetsA999AndNothingCrashes() throws Exception {
        SimulatorFiles files = new SimulatorFiles(dir, Duration.ZERO, PayerProfiles.defaults());
        String good = new String(SimulatorFiles.fixture("837i-emergency-commercial.edi"), StandardCharsets.US_ASCII);
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < COPIES; i++) {
            // each copy its own control number, as a sender numbers its interchanges: a used one is refused with a TA1
            String copy = good.replace("000000004", String.format("%09d", 1000 + i));
            files.drop(String.format("damaged-%03d.x12", i), damage(copy, random).getBytes(StandardCharsets.ISO_8859_1));
        }

        assertEquals(COPIES, files.simulator.pollOnce());

        assertEquals(COPIES, files.read("acks", "-999.x12").size());
        try (Stream<Path> failed = Files.list(dir.resolve("simulator/failed"))) {
            assertEquals(0, failed.count(), "no file needed the last-resort answer");
        }
        for (String era : files.read("remittances", "-835.x12")) {
            RawX12.assertBalanced(era);
        }
    }

    private static String damage(String good, SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> good.substring(0, random.nextInt(good.length()));
            case 1 -> {
                char[] chars = good.toCharArray();
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    chars[random.nextInt(chars.length)] = NOISE.charAt(random.nextInt(NOISE.length()));
                }
                yield new String(chars);
            }
            case 2 -> {
                List<String> segments = new ArrayList<>(Arrays.asList(good.split("\n")));
                segments.remove(random.nextInt(segments.size()));
                yield String.join("\n", segments);
            }
            default -> {
                List<String> segments = new ArrayList<>(Arrays.asList(good.split("\n")));
                int at = random.nextInt(segments.size());
                segments.add(at, segments.get(at));
                yield String.join("\n", segments);
            }
        };
    }
}
