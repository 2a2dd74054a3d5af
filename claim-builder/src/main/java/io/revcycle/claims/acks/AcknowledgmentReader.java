package io.revcycle.claims.acks;

import io.revcycle.claims.assembly.ClaimAssembler;
import io.revcycle.claims.x12.ClaimInterchangeWriter;
import io.revcycle.claims.x12.MalformedX12Exception;
import io.revcycle.claims.x12.Segment;
import io.revcycle.claims.x12.X12Reader;
import io.revcycle.events.Acknowledgment;
import io.revcycle.events.AcknowledgmentKind;
import io.revcycle.events.AcknowledgmentResult;
import io.revcycle.events.ExceptionKind;
import io.revcycle.events.Finding;
import io.revcycle.events.ProcessingException;
import io.revcycle.events.Severity;
import io.revcycle.schemas.EventHeaders;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads a 999 implementation acknowledgment or a 277CA claim acknowledgment and turns it into one
 * {@link Acknowledgment} per claim. A file that cannot be read, is neither kind, or names a claim
 * we never sent becomes a single {@link ProcessingException} and yields no acknowledgment at all.
 */
public final class AcknowledgmentReader {

    private static final Set<String> ACCEPTED_CATEGORIES = Set.of("A0", "A1", "A2", "A5");
    private static final Set<String> REJECTED_CATEGORIES = Set.of("A3", "A4", "A6", "A7", "A8");

    private final X12Reader reader = new X12Reader();
    private final ClaimDirectory claims;
    private final Clock clock;

    public AcknowledgmentReader(ClaimDirectory claims, Clock clock) {
        this.claims = claims;
        this.clock = clock;
    }

    /** The acknowledgments of the file, or why it cannot be applied. */
    public AcknowledgmentOutcome read(byte[] x12, String sourceFile) {
        List<Segment> segments;
        try {
            segments = reader.read(x12);
        } catch (MalformedX12Exception e) {
            return AcknowledgmentOutcome.failed(exception(ExceptionKind.PARSE_ERROR, sourceFile, e.getMessage(),
                    e.segmentPosition(), e.segmentId(), e.elementPosition(), null));
        }
        String transactionType = segments.stream().filter(s -> s.tag().equals("ST")).map(s -> s.element(1))
                .findFirst().orElse("");
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        return switch (transactionType) {
            case "999" -> read999(segments, sourceFile, now);
            case "277" -> read277(segments, sourceFile, now);
            default -> AcknowledgmentOutcome.failed(exception(ExceptionKind.PARSE_ERROR, sourceFile,
                    "neither a 999 nor a 277CA: transaction set " + transactionType, 0, "ST", 1, null));
        };
    }

    private AcknowledgmentOutcome read999(List<Segment> segments, String sourceFile, Instant now) {
        List<Acknowledgment> acks = new ArrayList<>();
        Map<String, Map<String, String>> interchanges = new HashMap<>();
        String groupControlNumber = null;
        String st = null;
        List<Finding> errors = new ArrayList<>();
        Segment ik3 = null;
        for (Segment s : segments) {
            switch (s.tag()) {
                case "AK1" -> groupControlNumber = s.element(2);
                case "AK2" -> {
                    st = s.element(2);
                    errors = new ArrayList<>();
                    ik3 = null;
                }
                case "IK3" -> {
                    ik3 = s;
                    errors.add(finding("X12_SEGMENT", s.element(1) + " (segment " + s.element(2)
                            + (s.element(3).isEmpty() ? "" : ", loop " + s.element(3)) + ")",
                            "segment error " + s.element(4), List.of(s.element(4))));
                }
                case "IK4" -> {
                    String segment = ik3 == null ? "?" : ik3.element(1) + " (segment " + ik3.element(2) + ")";
                    errors.add(finding("X12_ELEMENT", segment + " element " + s.element(1),
                            "element error " + s.element(3) + (s.element(4).isEmpty() ? "" : " on value " + s.element(4)),
                            List.of(s.element(3))));
                }
                case "IK5" -> {
                    if (groupControlNumber == null || st == null) {
                        return AcknowledgmentOutcome.failed(exception(ExceptionKind.PARSE_ERROR, sourceFile,
                                "IK5 without AK1/AK2", s.position(), "IK5", 1, null));
                    }
                    if (groupControlNumber.isEmpty() || groupControlNumber.length() > 9
                            || !groupControlNumber.chars().allMatch(Character::isDigit)) {
                        return AcknowledgmentOutcome.failed(exception(ExceptionKind.UNKNOWN_CLAIM, sourceFile,
                                "AK102 " + groupControlNumber + " is not a group control number we send", 0, "AK1", 2, null));
                    }
                    String icn = ClaimInterchangeWriter.interchangeControlNumber(Long.parseLong(groupControlNumber));
                    Optional<String> claimId = Optional.ofNullable(
                            interchanges.computeIfAbsent(icn, claims::claimsInInterchange).get(st));
                    if (claimId.isEmpty()) {
                        return AcknowledgmentOutcome.failed(exception(ExceptionKind.UNKNOWN_CLAIM, sourceFile,
                                "no claim was sent as transaction set " + st + " of interchange " + icn,
                                s.position(), "AK2", 2, null));
                    }
                    AcknowledgmentResult result = switch (s.element(1)) {
                        case "A" -> AcknowledgmentResult.ACCEPTED;
                        case "E" -> AcknowledgmentResult.ACCEPTED_WITH_ERRORS;
                        default -> AcknowledgmentResult.REJECTED;
                    };
                    acks.add(Acknowledgment.newBuilder()
                            .setHeader(EventHeaders.create(clock, ClaimAssembler.PRODUCER, null, claimId.get(), null))
                            .setClaimId(claimId.get())
                            .setKind(AcknowledgmentKind.IMPLEMENTATION_999)
                            .setResult(result)
                            .setInterchangeControlNumber(icn)
                            .setTransactionSetControlNumber(st)
                            .setStatusCodes(codes(s))
                            .setErrors(errors)
                            .setSourceFile(sourceFile)
                            .setReceivedAt(now)
                            .build());
                }
                default -> {
                    // envelope, AK9 and CTX add nothing per claim
                }
            }
        }
        return acks.isEmpty()
                ? AcknowledgmentOutcome.failed(exception(ExceptionKind.PARSE_ERROR, sourceFile,
                        "999 acknowledges no transaction set", 0, "AK2", 0, null))
                : AcknowledgmentOutcome.applied(acks);
    }

    private AcknowledgmentOutcome read277(List<Segment> segments, String sourceFile, Instant now) {
        List<Acknowledgment> acks = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment hl = segments.get(i);
            if (!hl.tag().equals("HL") || !hl.element(3).equals("PT")) {
                continue;
            }
            String claimId = null;
            int claimIdPosition = hl.position();
            String payerClaimNumber = null;
            List<Segment> statuses = new ArrayList<>();
            for (int j = i + 1; j < segments.size() && !segments.get(j).tag().equals("HL") && !segments.get(j).tag().equals("SE"); j++) {
                Segment s = segments.get(j);
                if (s.is("TRN", "2")) {
                    claimId = s.element(2);
                    claimIdPosition = s.position();
                } else if (s.tag().equals("STC")) {
                    statuses.add(s);
                } else if (s.is("REF", "1K")) {
                    payerClaimNumber = s.element(2);
                }
            }
            if (claimId == null || statuses.isEmpty()) {
                return AcknowledgmentOutcome.failed(exception(ExceptionKind.PARSE_ERROR, sourceFile,
                        "claim status loop without TRN*2 or STC", hl.position(), "HL", 3, claimId));
            }
            if (!claims.exists(claimId)) {
                return AcknowledgmentOutcome.failed(exception(ExceptionKind.UNKNOWN_CLAIM, sourceFile,
                        "277CA names a claim we never sent", claimIdPosition, "TRN", 2, claimId));
            }
            String category = statuses.get(0).component(1, 1);
            List<String> statusCodes = new ArrayList<>();
            List<Finding> errors = new ArrayList<>();
            for (Segment stc : statuses) {
                String code = stc.component(1, 1) + ":" + stc.component(1, 2);
                statusCodes.add(code);
                if (REJECTED_CATEGORIES.contains(stc.component(1, 1))) {
                    errors.add(finding("CLAIM_STATUS", stc.component(1, 3).isEmpty() ? null : "entity " + stc.component(1, 3),
                            "payer status " + code, List.of(code)));
                }
            }
            AcknowledgmentResult result = REJECTED_CATEGORIES.contains(category) ? AcknowledgmentResult.REJECTED
                    : ACCEPTED_CATEGORIES.contains(category) ? AcknowledgmentResult.ACCEPTED
                    : AcknowledgmentResult.ACCEPTED_WITH_ERRORS;
            acks.add(Acknowledgment.newBuilder()
                    .setHeader(EventHeaders.create(clock, ClaimAssembler.PRODUCER, null, claimId, null))
                    .setClaimId(claimId)
                    .setKind(AcknowledgmentKind.CLAIM_277CA)
                    .setResult(result)
                    .setStatusCategory(category)
                    .setStatusCodes(statusCodes)
                    .setErrors(errors)
                    .setPayerClaimControlNumber(payerClaimNumber)
                    .setSourceFile(sourceFile)
                    .setReceivedAt(now)
                    .build());
        }
        return acks.isEmpty()
                ? AcknowledgmentOutcome.failed(exception(ExceptionKind.PARSE_ERROR, sourceFile,
                        "277CA carries no claim status (HL*PT)", 0, "HL", 0, null))
                : AcknowledgmentOutcome.applied(acks);
    }

    private static List<String> codes(Segment ik5) {
        List<String> codes = new ArrayList<>();
        for (int e = 2; e <= ik5.size(); e++) {
            if (!ik5.element(e).isEmpty()) {
                codes.add(ik5.element(e));
            }
        }
        return codes;
    }

    private static Finding finding(String rule, String field, String message, List<String> codes) {
        return Finding.newBuilder().setRule(rule).setSeverity(Severity.ERROR).setField(field).setMessage(message)
                .setCodes(new ArrayList<>(codes)).build();
    }

    private ProcessingException exception(ExceptionKind kind, String sourceFile, String message, int segmentPosition,
                                          String segmentId, int elementPosition, String claimId) {
        return ProcessingException.newBuilder()
                .setHeader(EventHeaders.create(clock, ClaimAssembler.PRODUCER, null, claimId, null))
                .setExceptionId(UUID.randomUUID().toString())
                .setKind(kind)
                .setSourceFile(sourceFile)
                .setSegmentPosition(segmentPosition > 0 ? (long) segmentPosition : null)
                .setSegmentId(segmentId)
                .setElementPosition(elementPosition > 0 ? elementPosition : null)
                .setClaimId(claimId)
                .setMessage(message)
                .setFigures(Map.of())
                .build();
    }
}
