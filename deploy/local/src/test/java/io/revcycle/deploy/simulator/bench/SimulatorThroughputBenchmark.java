package io.revcycle.deploy.simulator.bench;

import io.revcycle.deploy.simulator.ClearinghouseSimulator;
import io.revcycle.deploy.simulator.SimulatorSettings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints how many claims per second the clearinghouse simulator answers end to end (read the 837,
 * write the 999 and 277CA, adjudicate, write the 835, move the files) with the payer delay at 0.
 * Interchanges of 500 office-visit claims, the claim builder's default batch size.
 *
 * <pre>java -cp … io.revcycle.deploy.simulator.bench.SimulatorThroughputBenchmark [files] [claims per file]</pre>
 */
public final class SimulatorThroughputBenchmark {

    private SimulatorThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int claimsPerFile = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        String template;
        try (InputStream in = SimulatorThroughputBenchmark.class.getResourceAsStream("/837/837p-office-visit-medicare.edi")) {
            template = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        for (int round = 1; round <= 3; round++) {
            Path dir = Files.createTempDirectory("simulator-bench");
            ClearinghouseSimulator simulator = ClearinghouseSimulator.withDefaultProfiles(
                    SimulatorSettings.under(dir, Duration.ZERO, round));
            long bytes = 0;
            for (int f = 1; f <= files; f++) {
                byte[] content = interchange(template, f, claimsPerFile).getBytes(StandardCharsets.US_ASCII);
                bytes += content.length;
                Files.write(dir.resolve("outbox").resolve(String.format("%09d-MEDICARE-837P.x12", f)), content);
            }
            long start = System.nanoTime();
            simulator.pollOnce();
            double seconds = (System.nanoTime() - start) / 1e9;
            int claims = files * claimsPerFile;
            System.out.printf("round %d: %d claims in %d files (%.1f MB of 837) answered in %.2f s: %.0f claims/s%n",
                    round, claims, files, bytes / 1e6, seconds, claims / seconds);
            simulator.close();
        }
    }

    private static String interchange(String template, int file, int claims) throws IOException {
        String[] segments = template.split("\n");
        String icn = String.format("%09d", file);
        List<String> out = new ArrayList<>();
        out.add(segments[0].replace("000000001", icn));
        out.add(segments[1].replace("*1*X*", "*" + file + "*X*"));
        for (int c = 1; c <= claims; c++) {
            String claimId = String.format("C%04d%012d", file, c);
            String member = "1EG4TE5MK" + String.format("%02d", c % 100);
            for (int i = 2; i < 33; i++) {
                out.add(segments[i].replace("CP744A7X6OGSXI4LZ", claimId).replace("*0001", "*" + String.format("%04d", c))
                        .replace("1EG4TE5MK73", member));
            }
        }
        out.add("GE*" + claims + "*" + file + "~");
        out.add("IEA*1*" + icn + "~");
        return String.join("\n", out) + "\n";
    }
}
