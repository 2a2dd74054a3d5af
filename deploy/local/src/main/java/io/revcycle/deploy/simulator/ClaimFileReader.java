package io.revcycle.deploy.simulator;

import io.revcycle.deploy.simulator.SubmittedClaim.ServiceLine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads 837P/837I interchanges the way a clearinghouse front end does: every transaction set is
 * checked on its own (trailer, control number, segment count, the segments and elements a payer
 * needs), so one bad claim is rejected without losing the others, and no input makes it throw.
 */
final class ClaimFileReader {

    private static final String AMOUNT = "782";
    private static final String IDENTIFIER = "67";

    private final X12Tokenizer tokenizer = new X12Tokenizer();

    ClaimFile read(byte[] x12) {
        X12Tokenizer.Tokens tokens = tokenizer.read(x12);
        List<X12Segment> segments = tokens.segments();
        if (segments.isEmpty() || !segments.get(0).tag().equals("ISA")) {
            return new ClaimFile("", "", "", "", "", "", "", List.of(),
                    tokens.fault() != null ? tokens.fault() : "not an X12 interchange: no ISA segment");
        }
        X12Segment isa = segments.get(0);
        String groupControlNumber = "";
        String guide = "";
        String submitterId = "";
        String submitterName = "";
        List<ClaimFile.Transaction> transactions = new ArrayList<>();
        for (int i = 1; i < segments.size(); i++) {
            X12Segment s = segments.get(i);
            if (s.tag().equals("GS")) {
                groupControlNumber = s.element(6);
                guide = s.element(8);
            } else if (s.tag().equals("ST")) {
                int end = i + 1;
                while (end < segments.size() && !List.of("SE", "ST", "GE", "IEA").contains(segments.get(end).tag())) {
                    end++;
                }
                boolean closed = end < segments.size() && segments.get(end).tag().equals("SE");
                List<X12Segment> set = segments.subList(i, closed ? end + 1 : end);
                for (X12Segment body : set) {
                    if (body.is("NM1", "41")) {
                        submitterId = body.element(9);
                        submitterName = body.element(3);
                    }
                }
                transactions.add(transaction(isa.element(13).strip(), set, closed));
                i = closed ? end : end - 1;
            }
        }
        return new ClaimFile(isa.element(6).strip(), isa.element(8).strip(), isa.element(13).strip(), groupControlNumber,
                guide, submitterId, submitterName, transactions, tokens.fault());
    }

    private ClaimFile.Transaction transaction(String icn, List<X12Segment> set, boolean closed) {
        X12Segment st = set.get(0);
        if (!closed) {
            return new ClaimFile.Transaction(st.element(2), st.element(3), List.of(), "2", null);
        }
        X12Segment se = set.get(set.size() - 1);
        if (!se.element(2).equals(st.element(2))) {
            return new ClaimFile.Transaction(st.element(2), st.element(3), List.of(), "3", null);
        }
        if (!se.element(1).equals(Integer.toString(set.size()))) {
            return new ClaimFile.Transaction(st.element(2), st.element(3), List.of(), "4", null);
        }
        ClaimParser parser = new ClaimParser(icn, set);
        SubmittedClaim claim = parser.parse();
        List<SyntaxError> errors = parser.errors;
        return new ClaimFile.Transaction(st.element(2), st.element(3), errors, errors.isEmpty() ? null : "5",
                errors.isEmpty() ? claim : null);
    }

    /** Walks one transaction set, following the loops the payer needs. */
    private static final class ClaimParser {
        private final String icn;
        private final List<X12Segment> set;
        private final int start;
        private final List<SyntaxError> errors = new ArrayList<>();
        private String loop = "";

        ClaimParser(String icn, List<X12Segment> set) {
            this.icn = icn;
            this.set = set;
            this.start = set.get(0).position();
        }

        SubmittedClaim parse() {
            boolean institutional = set.get(0).element(3).startsWith("005010X223");
            String claimId = null;
            BigDecimal totalCharge = null;
            String facilityCode = "";
            String frequency = "1";
            String filingIndicator = "";
            String payerId = null;
            String payerName = "";
            String memberId = null;
            String subscriberLast = "";
            String subscriberFirst = "";
            String patientLast = null;
            String patientFirst = null;
            String billingNpi = null;
            String billingName = "";
            String billingTaxId = "";
            LocalDate statementFrom = null;
            LocalDate statementTo = null;
            String originalClaimNumber = null;
            String priorAuthorization = null;
            List<LineDraft> lines = new ArrayList<>();
            LineDraft line = null;
            for (X12Segment s : set) {
                switch (s.tag()) {
                    case "HL" -> loop = switch (s.element(3)) {
                        case "20" -> "2000A";
                        case "22" -> "2000B";
                        case "23" -> "2000C";
                        default -> loop;
                    };
                    case "SBR" -> filingIndicator = s.element(9);
                    case "NM1" -> {
                        switch (s.element(1)) {
                            case "85" -> {
                                loop = "2010AA";
                                billingName = s.element(3);
                                billingNpi = required(s, 9, IDENTIFIER);
                            }
                            case "IL" -> {
                                loop = "2010BA";
                                subscriberLast = s.element(3);
                                subscriberFirst = s.element(4);
                                memberId = required(s, 9, IDENTIFIER);
                            }
                            case "PR" -> {
                                loop = "2010BB";
                                payerName = s.element(3);
                                payerId = required(s, 9, IDENTIFIER);
                            }
                            case "QC" -> {
                                loop = "2010CA";
                                patientLast = s.element(3);
                                patientFirst = s.element(4);
                            }
                            default -> {
                                // rendering, referring, attending and the 1000 loops change nothing we pay on
                            }
                        }
                    }
                    case "REF" -> {
                        if (s.is("REF", "EI") && loop.equals("2010AA")) {
                            billingTaxId = s.element(2);
                        } else if (s.is("REF", "F8") && line == null) {
                            originalClaimNumber = s.element(2);
                        } else if (s.is("REF", "G1") && line == null) {
                            priorAuthorization = s.element(2);
                        } else if (s.is("REF", "6R") && line != null) {
                            line.controlNumber = s.element(2);
                        }
                    }
                    case "CLM" -> {
                        loop = "2300";
                        claimId = required(s, 1, "1028");
                        totalCharge = amount(s, 2);
                        facilityCode = s.component(5, 1);
                        frequency = s.component(5, 3).isEmpty() ? "1" : s.component(5, 3);
                    }
                    case "DTP" -> {
                        if (s.is("DTP", "434") || (s.is("DTP", "472") && line != null)) {
                            Optional<LocalDate[]> period = period(s);
                            if (period.isEmpty()) {
                                errors.add(SyntaxError.badElement(s, start, loop, 3, "1251", "8"));
                            } else if (line != null) {
                                line.serviceDate = period.get()[0];
                            } else {
                                statementFrom = period.get()[0];
                                statementTo = period.get()[1];
                            }
                        }
                    }
                    case "LX" -> {
                        loop = "2400";
                        line = new LineDraft();
                        line.number = lines.size() + 1;
                        lines.add(line);
                    }
                    case "SV1", "SV2" -> {
                        if (line == null) {
                            errors.add(new SyntaxError(s.tag(), s.position() - start + 1, loop, "2", 0, "", "", ""));
                            continue;
                        }
                        boolean sv2 = s.tag().equals("SV2");
                        int procedure = sv2 ? 2 : 1;
                        line.segment = s.tag();
                        line.revenueCode = sv2 ? required(s, 1, "234") : null;
                        line.qualifier = s.component(procedure, 1).isEmpty() ? "NU" : s.component(procedure, 1);
                        line.code = s.component(procedure, 1).isEmpty() ? (sv2 ? line.revenueCode : "") : s.component(procedure, 2);
                        List<String> components = s.components(procedure);
                        line.modifiers = components.size() > 2 ? components.subList(2, Math.min(6, components.size())) : List.of();
                        if (!sv2 && line.code.isEmpty()) {
                            errors.add(SyntaxError.badElement(s, start, loop, 1, "234", "1"));
                        }
                        line.charge = amount(s, sv2 ? 3 : 2);
                        String units = s.element(sv2 ? 5 : 4);
                        line.units = units.matches("\\d+(\\.\\d+)?") ? new BigDecimal(units) : BigDecimal.ONE;
                    }
                    default -> {
                        // envelope, HI, PRV, N3/N4, DMG and the like are not needed to pay
                    }
                }
            }
            int sePosition = set.get(set.size() - 1).position() - start + 1;
            if (billingNpi == null) {
                errors.add(SyntaxError.missingSegment("NM1", sePosition, "2010AA"));
            }
            if (memberId == null) {
                errors.add(SyntaxError.missingSegment("NM1", sePosition, "2010BA"));
            }
            if (payerId == null) {
                errors.add(SyntaxError.missingSegment("NM1", sePosition, "2010BB"));
            }
            if (claimId == null) {
                errors.add(SyntaxError.missingSegment("CLM", sePosition, "2300"));
            }
            if (lines.isEmpty()) {
                errors.add(SyntaxError.missingSegment("LX", sePosition, "2400"));
            }
            List<ServiceLine> serviceLines = new ArrayList<>();
            for (LineDraft draft : lines) {
                if (draft.segment == null) {
                    errors.add(SyntaxError.missingSegment(institutional ? "SV2" : "SV1", sePosition, "2400"));
                } else if (draft.charge != null) {
                    LocalDate date = draft.serviceDate != null ? draft.serviceDate : statementFrom;
                    serviceLines.add(new ServiceLine(draft.number, draft.qualifier, draft.code, draft.modifiers,
                            draft.revenueCode, draft.charge, draft.units, date,
                            draft.controlNumber != null ? draft.controlNumber : claimId + "-" + draft.number));
                }
            }
            if (!errors.isEmpty()) {
                return null;
            }
            LocalDate from = statementFrom != null ? statementFrom
                    : serviceLines.stream().map(ServiceLine::serviceDate).filter(d -> d != null).min(LocalDate::compareTo).orElse(null);
            LocalDate to = statementTo != null ? statementTo
                    : serviceLines.stream().map(ServiceLine::serviceDate).filter(d -> d != null).max(LocalDate::compareTo).orElse(null);
            if (from == null) {
                errors.add(SyntaxError.missingSegment("DTP", sePosition, institutional ? "2300" : "2400"));
                return null;
            }
            List<ServiceLine> dated = serviceLines.stream()
                    .map(l -> l.serviceDate() != null ? l : new ServiceLine(l.number(), l.qualifier(), l.code(), l.modifiers(),
                            l.revenueCode(), l.charge(), l.units(), from, l.controlNumber()))
                    .toList();
            return new SubmittedClaim(icn, set.get(0).element(2), institutional, claimId, totalCharge, facilityCode, frequency,
                    filingIndicator, payerId, payerName, memberId, subscriberLast, subscriberFirst, patientLast,
                    patientFirst, billingNpi, billingName, billingTaxId, from, to, originalClaimNumber, priorAuthorization,
                    dated);
        }

        /** The element's value; empty (with the error noted) when missing, so the segment still counts as present. */
        private String required(X12Segment s, int element, String reference) {
            String value = s.element(element);
            if (value.isEmpty()) {
                errors.add(SyntaxError.badElement(s, start, loop, element, reference, "1"));
                return "";
            }
            return value;
        }

        private BigDecimal amount(X12Segment s, int element) {
            String value = s.element(element);
            if (value.isEmpty()) {
                errors.add(SyntaxError.badElement(s, start, loop, element, AMOUNT, "1"));
                return null;
            }
            Optional<BigDecimal> amount = X12Values.money(value);
            if (amount.isEmpty() || amount.get().signum() < 0) {
                errors.add(SyntaxError.badElement(s, start, loop, element, AMOUNT, "6"));
                return null;
            }
            return amount.get();
        }

        /** DTP03 as a D8 date or an RD8 period (from, to). */
        private static Optional<LocalDate[]> period(X12Segment s) {
            String value = s.element(3);
            if (s.element(2).equals("RD8")) {
                String[] parts = value.split("-");
                if (parts.length != 2) {
                    return Optional.empty();
                }
                Optional<LocalDate> from = X12Values.date(parts[0]);
                Optional<LocalDate> to = X12Values.date(parts[1]);
                return from.isPresent() && to.isPresent() ? Optional.of(new LocalDate[] {from.get(), to.get()}) : Optional.empty();
            }
            return X12Values.date(value).map(d -> new LocalDate[] {d, d});
        }
    }

    private static final class LineDraft {
        int number;
        String segment;
        String qualifier;
        String code;
        List<String> modifiers = List.of();
        String revenueCode;
        BigDecimal charge;
        BigDecimal units;
        LocalDate serviceDate;
        String controlNumber;
    }
}
