package io.revcycle.claims.x12;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks what StAEDI's envelope schemas do not: the 837 implementation-guide structure. Counts and
 * control numbers of every envelope, HL hierarchy (20 billing → 22 subscriber → 23 patient),
 * required segments of each loop, diagnosis qualifiers, and one SV1/SV2 per LX.
 */
public final class ClaimInterchangeValidator {

    private static final Set<String> PROFESSIONAL_HI = Set.of("ABK", "ABF");
    private static final Set<String> INSTITUTIONAL_HI = Set.of("ABK", "ABF", "ABJ", "APR", "BBR", "BBQ");

    /** Every problem found; empty for a valid interchange. */
    public List<String> validate(List<Segment> segments) {
        List<String> problems = new ArrayList<>();
        if (segments.isEmpty() || !segments.get(0).tag().equals("ISA") || !last(segments).tag().equals("IEA")) {
            problems.add("interchange must start with ISA and end with IEA");
            return problems;
        }
        Segment isa = segments.get(0);
        Segment iea = last(segments);
        expect(problems, iea.element(2).equals(isa.element(13)), "IEA02 " + iea.element(2) + " differs from ISA13 " + isa.element(13));
        int groups = 0;
        int i = 1;
        while (i < segments.size() - 1) {
            Segment gs = segments.get(i);
            if (!gs.tag().equals("GS")) {
                problems.add("segment " + gs.position() + ": expected GS, found " + gs.tag());
                return problems;
            }
            groups++;
            int transactions = 0;
            i++;
            while (i < segments.size() && segments.get(i).tag().equals("ST")) {
                int start = i;
                while (i < segments.size() && !segments.get(i).tag().equals("SE")) {
                    i++;
                }
                if (i >= segments.size()) {
                    problems.add("transaction set at segment " + segments.get(start).position() + " has no SE");
                    return problems;
                }
                transactions++;
                validateTransaction(problems, gs, segments.subList(start, i + 1));
                i++;
            }
            Segment ge = i < segments.size() ? segments.get(i) : null;
            if (ge == null || !ge.tag().equals("GE")) {
                problems.add("functional group " + gs.element(6) + " has no GE");
                return problems;
            }
            expect(problems, ge.element(1).equals(Integer.toString(transactions)),
                    "GE01 " + ge.element(1) + " but " + transactions + " transaction sets");
            expect(problems, ge.element(2).equals(gs.element(6)), "GE02 " + ge.element(2) + " differs from GS06 " + gs.element(6));
            i++;
        }
        expect(problems, iea.element(1).equals(Integer.toString(groups)), "IEA01 " + iea.element(1) + " but " + groups + " groups");
        return problems;
    }

    private void validateTransaction(List<String> problems, Segment gs, List<Segment> tx) {
        Segment st = tx.get(0);
        Segment se = last(tx);
        String where = "ST " + st.element(2) + ": ";
        expect(problems, st.element(1).equals("837"), where + "ST01 must be 837");
        expect(problems, st.element(3).equals(gs.element(8)), where + "ST03 differs from GS08");
        expect(problems, se.element(1).equals(Integer.toString(tx.size())), where + "SE01 " + se.element(1) + " but " + tx.size() + " segments");
        expect(problems, se.element(2).equals(st.element(2)), where + "SE02 differs from ST02");
        expect(problems, tx.size() > 1 && tx.get(1).tag().equals("BHT"), where + "BHT must follow ST");
        boolean institutional = ClaimInterchangeWriter.INSTITUTIONAL_GUIDE.equals(st.element(3));
        int firstHl = indexOf(tx, "HL", 0);
        expect(problems, firstHl > 0, where + "no HL loop");
        if (firstHl < 0) {
            return;
        }
        List<Segment> header = tx.subList(0, firstHl);
        expect(problems, header.stream().anyMatch(s -> s.is("NM1", "41")), where + "loop 1000A submitter (NM1*41) missing");
        expect(problems, header.stream().anyMatch(s -> s.is("NM1", "40")), where + "loop 1000B receiver (NM1*40) missing");

        Map<String, String> levels = new HashMap<>();
        Map<String, Boolean> hasChildren = new HashMap<>();
        int expectedId = 1;
        String claimLevel = null;
        for (int h = firstHl; h >= 0; h = indexOf(tx, "HL", h + 1)) {
            Segment hl = tx.get(h);
            int next = indexOf(tx, "HL", h + 1);
            List<Segment> loop = tx.subList(h, next < 0 ? tx.size() - 1 : next);
            String id = hl.element(1);
            String parent = hl.element(2);
            String level = hl.element(3);
            expect(problems, id.equals(Integer.toString(expectedId++)), where + "HL01 " + id + " out of sequence");
            String expectedParentLevel = switch (level) {
                case "20" -> null;
                case "22" -> "20";
                case "23" -> "22";
                default -> "?";
            };
            if ("?".equals(expectedParentLevel)) {
                problems.add(where + "HL " + id + " has unknown level " + level);
                continue;
            }
            if (expectedParentLevel == null) {
                expect(problems, parent.isEmpty(), where + "billing provider HL " + id + " must have no parent");
            } else {
                expect(problems, expectedParentLevel.equals(levels.get(parent)),
                        where + "HL " + id + " (level " + level + ") has parent " + parent + " of level " + levels.get(parent));
                hasChildren.put(parent, true);
            }
            levels.put(id, level);
            hasChildren.putIfAbsent(id, false);
            switch (level) {
                case "20" -> expect(problems, loop.stream().anyMatch(s -> s.is("NM1", "85")), where + "HL " + id + ": billing provider NM1*85 missing");
                case "22" -> {
                    expect(problems, loop.size() > 1 && loop.get(1).tag().equals("SBR"), where + "HL " + id + ": SBR must follow HL*22");
                    expect(problems, loop.stream().anyMatch(s -> s.is("NM1", "IL")), where + "HL " + id + ": subscriber NM1*IL missing");
                    expect(problems, loop.stream().anyMatch(s -> s.is("NM1", "PR")), where + "HL " + id + ": payer NM1*PR missing");
                }
                default -> {
                    expect(problems, loop.size() > 1 && loop.get(1).tag().equals("PAT"), where + "HL " + id + ": PAT must follow HL*23");
                    expect(problems, loop.stream().anyMatch(s -> s.is("NM1", "QC")), where + "HL " + id + ": patient NM1*QC missing");
                }
            }
            if (loop.stream().anyMatch(s -> s.tag().equals("CLM"))) {
                claimLevel = level;
                validateClaim(problems, where, loop, institutional);
            }
        }
        for (Map.Entry<String, Boolean> entry : hasChildren.entrySet()) {
            Segment hl = tx.stream().filter(s -> s.tag().equals("HL") && s.element(1).equals(entry.getKey())).findFirst().orElseThrow();
            expect(problems, hl.element(4).equals(entry.getValue() ? "1" : "0"), where + "HL " + entry.getKey() + " HL04 child code is wrong");
        }
        expect(problems, claimLevel != null && !claimLevel.equals("20"), where + "no CLM under a subscriber or patient HL");
    }

    private void validateClaim(List<String> problems, String where, List<Segment> loop, boolean institutional) {
        int clm = indexOf(loop, "CLM", 0);
        List<Segment> claim = loop.subList(clm, loop.size());
        String claimWhere = where + "CLM " + claim.get(0).element(1) + ": ";
        expect(problems, claim.get(0).element(1).length() <= 20, claimWhere + "CLM01 longer than 20");
        Set<String> allowed = institutional ? INSTITUTIONAL_HI : PROFESSIONAL_HI;
        boolean principal = false;
        for (Segment s : claim) {
            if (s.tag().equals("HI")) {
                for (int e = 1; e <= s.size(); e++) {
                    String qualifier = s.component(e, 1);
                    expect(problems, allowed.contains(qualifier), claimWhere + "HI qualifier " + qualifier + " not allowed");
                    principal |= qualifier.equals("ABK");
                }
            }
        }
        expect(problems, principal, claimWhere + "HI with ABK principal diagnosis missing");
        if (institutional) {
            expect(problems, claim.stream().anyMatch(s -> s.is("DTP", "434")), claimWhere + "statement dates DTP*434 missing");
        }
        int lines = 0;
        String service = institutional ? "SV2" : "SV1";
        for (int s = 0; s < claim.size(); s++) {
            if (claim.get(s).tag().equals("LX")) {
                lines++;
                expect(problems, claim.get(s).element(1).equals(Integer.toString(lines)), claimWhere + "LX " + claim.get(s).element(1) + " out of sequence");
                expect(problems, s + 1 < claim.size() && claim.get(s + 1).tag().equals(service),
                        claimWhere + "LX " + lines + " not followed by " + service);
            }
        }
        expect(problems, lines > 0, claimWhere + "no service line");
    }

    private static int indexOf(List<Segment> segments, String tag, int from) {
        for (int i = from; i < segments.size(); i++) {
            if (segments.get(i).tag().equals(tag)) {
                return i;
            }
        }
        return -1;
    }

    private static Segment last(List<Segment> segments) {
        return segments.get(segments.size() - 1);
    }

    private static void expect(List<String> problems, boolean condition, String problem) {
        if (!condition) {
            problems.add(problem);
        }
    }
}
