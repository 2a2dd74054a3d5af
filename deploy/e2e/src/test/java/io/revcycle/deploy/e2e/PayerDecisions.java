package io.revcycle.deploy.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What the payers decided, read back from the 835 files the simulator wrote: one {@link ClaimDecision}
 * per CLP loop. Plain reading of the X12 (separators from ISA), independent of the payment-posting
 * service's parser, so the test compares the service against the files and not against itself.
 */
public final class PayerDecisions {

    /** Adjustment reasons payment posting does not count as denials (contractual and the like). */
    private static final Set<String> NOT_DENIALS = Set.of("45", "253", "23", "94");

    /**
     * One CLP loop.
     *
     * @param traceNumber   TRN02 of its transaction set
     * @param statusCode    CLP02 (1 paid as primary, 4 denied, 22 reversal)
     * @param deniedAmount  what payment posting should report denied: claim-level denial adjustments of a
     *                      denied claim plus the denial adjustments of lines paid nothing
     * @param lineDenied    true when a line paid nothing carries a denial adjustment
     * @param adjustmentReasons every adjustment of the claim and its lines as group-reason, e.g. {@code CO-45}
     */
    public record ClaimDecision(String file, String traceNumber, String claimId, String statusCode, BigDecimal charge,
                                BigDecimal paid, BigDecimal patientResponsibility, String payerClaimControlNumber,
                                BigDecimal deniedAmount, boolean lineDenied, Set<String> adjustmentReasons) {

        /** Whether payment posting should publish a denial for this claim payment. */
        public boolean denial() {
            return wholeClaimDenied() || lineDenied;
        }

        /**
         * The whole claim is denied when the payer says so (CLP02 4) or, by payment posting's documented
         * rule, when nothing is paid and something carries a denial adjustment (e.g. the deductible takes
         * the paid line and another line is bundled).
         */
        public boolean wholeClaimDenied() {
            return "4".equals(statusCode) || (paid.signum() == 0 && deniedAmount.signum() != 0);
        }
    }

    private PayerDecisions() {
    }

    /** Every CLP loop of every 835 under these directories (not descending), in file name order. */
    public static List<ClaimDecision> readAll(List<Path> directories) {
        List<ClaimDecision> decisions = new ArrayList<>();
        for (Path dir : directories) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(Files::isRegularFile)
                        .filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList()) {
                    decisions.addAll(read(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return decisions;
    }

    /** The CLP loops of one 835 file; an empty list for any other file. */
    public static List<ClaimDecision> read(Path file) {
        String x12;
        try {
            x12 = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        x12 = x12.stripLeading();
        if (!x12.startsWith("ISA") || x12.length() < 106) {
            return List.of();
        }
        String element = String.valueOf(x12.charAt(3));
        char terminator = x12.charAt(105);
        List<String[]> segments = new ArrayList<>();
        for (String raw : x12.split(java.util.regex.Pattern.quote(String.valueOf(terminator)))) {
            String s = raw.strip();
            if (!s.isEmpty()) {
                segments.add(s.split(java.util.regex.Pattern.quote(element), -1));
            }
        }
        boolean is835 = segments.stream().anyMatch(s -> s[0].equals("ST") && s.length > 1 && s[1].equals("835"));
        if (!is835) {
            return List.of();
        }
        List<ClaimDecision> out = new ArrayList<>();
        String trace = null;
        Clp clp = null;
        for (String[] s : segments) {
            switch (s[0]) {
                case "TRN" -> trace = s[2];
                case "CLP" -> {
                    if (clp != null) {
                        out.add(clp.decision(file, trace));
                    }
                    clp = new Clp(s);
                }
                case "SVC" -> {
                    if (clp != null) {
                        clp.line(new BigDecimal(s[3]));
                    }
                }
                case "CAS" -> {
                    if (clp != null) {
                        clp.adjustments(s);
                    }
                }
                case "PLB", "SE" -> {
                    if (clp != null) {
                        out.add(clp.decision(file, trace));
                        clp = null;
                    }
                }
                default -> {
                }
            }
        }
        return out;
    }

    /** A CLP loop being read: its lines' payments and denial adjustments. */
    private static final class Clp {
        private final String[] clp;
        private BigDecimal claimDenials = BigDecimal.ZERO.setScale(2);
        private BigDecimal zeroPaidLineDenials = BigDecimal.ZERO.setScale(2);
        private boolean lineDenied;
        private BigDecimal currentLinePaid;
        private final Set<String> reasons = new TreeSet<>();

        Clp(String[] clp) {
            this.clp = clp;
        }

        void line(BigDecimal paid) {
            currentLinePaid = paid;
        }

        void adjustments(String[] cas) {
            String group = cas[1];
            BigDecimal denied = BigDecimal.ZERO;
            // triplets: reason, amount, quantity
            for (int i = 2; i + 1 < cas.length; i += 3) {
                if (!cas[i].isEmpty()) {
                    reasons.add(group + "-" + cas[i]);
                }
                if (!cas[i].isEmpty() && !group.equals("PR") && !NOT_DENIALS.contains(cas[i])) {
                    denied = denied.add(new BigDecimal(cas[i + 1]));
                }
            }
            if (denied.signum() == 0) {
                return;
            }
            if (currentLinePaid == null) {
                claimDenials = claimDenials.add(denied);
            } else if (currentLinePaid.signum() == 0) {
                zeroPaidLineDenials = zeroPaidLineDenials.add(denied);
                lineDenied = true;
            }
        }

        ClaimDecision decision(Path file, String trace) {
            String status = clp[2];
            BigDecimal paid = money(clp[4]);
            boolean claimDenied = "4".equals(status) || (paid.signum() == 0 && (claimDenials.signum() != 0 || lineDenied));
            BigDecimal denied = claimDenied ? claimDenials.add(zeroPaidLineDenials) : zeroPaidLineDenials;
            return new ClaimDecision(file.getFileName().toString(), trace, clp[1], status, money(clp[3]), paid,
                    clp.length > 5 && !clp[5].isEmpty() ? money(clp[5]) : money("0"),
                    clp.length > 7 ? clp[7] : null, denied.setScale(2), !"4".equals(status) && lineDenied, Set.copyOf(reasons));
        }

        private static BigDecimal money(String value) {
            return new BigDecimal(value).setScale(2);
        }
    }
}
