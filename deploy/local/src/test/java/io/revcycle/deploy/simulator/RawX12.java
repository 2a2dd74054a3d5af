package io.revcycle.deploy.simulator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A deliberately independent reading of the files the simulator writes: plain string splitting on
 * the delimiters it declares (~ * :), no StAEDI, so balance checks do not trust the writer's code.
 */
final class RawX12 {

    private RawX12() {
    }

    /** Segments, each as its elements with the tag at index 0. */
    static List<String[]> segments(String x12) {
        List<String[]> segments = new ArrayList<>();
        for (String raw : x12.split("~")) {
            String segment = raw.strip();
            if (!segment.isEmpty()) {
                segments.add(segment.split("\\*", -1));
            }
        }
        return segments;
    }

    static List<String> lines(String x12) {
        return segments(x12).stream().map(s -> String.join("*", s)).toList();
    }

    static String element(String[] segment, int n) {
        return n < segment.length ? segment[n] : "";
    }

    private static BigDecimal amount(String[] segment, int n) {
        String value = element(segment, n);
        return value.isEmpty() ? BigDecimal.ZERO : new BigDecimal(value);
    }

    /**
     * Checks every transaction set of an 835: each line (SVC02 = SVC03 + its CAS), each claim
     * (CLP03 = CLP04 + claim CAS + line CAS, and the lines add up to CLP03), and the payment
     * (BPR02 = sum of CLP04 − sum of PLB amounts). Returns the number of claims checked.
     */
    static int assertBalanced(String x12) {
        int claims = 0;
        List<String[]> segments = segments(x12);
        for (int i = 0; i < segments.size(); i++) {
            if (!segments.get(i)[0].equals("ST")) {
                continue;
            }
            BigDecimal bpr = null;
            BigDecimal paidTotal = BigDecimal.ZERO;
            BigDecimal plbTotal = BigDecimal.ZERO;
            ClaimSums claim = null;
            LineSums line = null;
            int j = i + 1;
            for (; !segments.get(j)[0].equals("SE"); j++) {
                String[] s = segments.get(j);
                switch (s[0]) {
                    case "BPR" -> bpr = amount(s, 2);
                    case "CLP" -> {
                        check(claim, line);
                        line = null;
                        claim = new ClaimSums(element(s, 1), amount(s, 3), amount(s, 4));
                        paidTotal = paidTotal.add(claim.paid);
                        claims++;
                    }
                    case "SVC" -> {
                        if (line != null) {
                            line.check();
                        }
                        line = new LineSums(claim.id + " " + element(s, 1), amount(s, 2), amount(s, 3));
                        claim.lineCharges = claim.lineCharges.add(line.charge);
                        claim.lines++;
                    }
                    case "CAS" -> {
                        BigDecimal sum = BigDecimal.ZERO;
                        for (int e = 3; e < s.length; e += 3) {
                            sum = sum.add(amount(s, e));
                        }
                        claim.adjustments = claim.adjustments.add(sum);
                        if (line != null) {
                            line.adjustments = line.adjustments.add(sum);
                        }
                    }
                    case "PLB" -> {
                        for (int e = 4; e < s.length; e += 2) {
                            plbTotal = plbTotal.add(amount(s, e));
                        }
                    }
                    default -> {
                        // other segments carry no money
                    }
                }
            }
            check(claim, line);
            assertTrue(bpr != null, "transaction set without BPR");
            assertEquals(0, bpr.compareTo(paidTotal.subtract(plbTotal)),
                    "BPR02 " + bpr + " = CLP04 " + paidTotal + " - PLB " + plbTotal);
            assertEquals(Integer.toString(j - i + 1), element(segments.get(j), 1), "SE01 counts the segments");
            i = j;
        }
        return claims;
    }

    private static void check(ClaimSums claim, LineSums line) {
        if (line != null) {
            line.check();
        }
        if (claim != null) {
            assertEquals(0, claim.charge.compareTo(claim.paid.add(claim.adjustments)),
                    "claim " + claim.id + ": charge " + claim.charge + " = paid " + claim.paid + " + adjustments " + claim.adjustments);
            if (claim.lines > 0) {
                assertEquals(0, claim.charge.compareTo(claim.lineCharges), "claim " + claim.id + " lines add up to CLP03");
            }
        }
    }

    /** The segments as text lines, for assertions on whole segments. */
    static boolean contains(String x12, String segment) {
        return lines(x12).contains(segment);
    }

    static long count(String x12, String prefix) {
        return lines(x12).stream().filter(l -> l.startsWith(prefix)).count();
    }

    static String[] first(String x12, String tag) {
        return segments(x12).stream().filter(s -> s[0].equals(tag)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + tag + " in " + Arrays.toString(lines(x12).toArray())));
    }

    private static final class ClaimSums {
        final String id;
        final BigDecimal charge;
        final BigDecimal paid;
        BigDecimal adjustments = BigDecimal.ZERO;
        BigDecimal lineCharges = BigDecimal.ZERO;
        int lines;

        ClaimSums(String id, BigDecimal charge, BigDecimal paid) {
            this.id = id;
            this.charge = charge;
            this.paid = paid;
        }
    }

    private static final class LineSums {
        final String id;
        final BigDecimal charge;
        final BigDecimal paid;
        BigDecimal adjustments = BigDecimal.ZERO;

        LineSums(String id, BigDecimal charge, BigDecimal paid) {
            this.id = id;
            this.charge = charge;
            this.paid = paid;
        }

        void check() {
            assertEquals(0, charge.compareTo(paid.add(adjustments)),
                    "line " + id + ": charge " + charge + " = paid " + paid + " + adjustments " + adjustments);
        }
    }
}
