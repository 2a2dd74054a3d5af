package io.revcycle.deploy.simulator;

import io.revcycle.deploy.simulator.X12Output.Composite;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the clearinghouse's answers to an 837: the 999 implementation acknowledgment
 * (005010X231A1), one AK2 per transaction set, the 277CA claim acknowledgment (005010X214),
 * one HL*PT per claim that passed the 999, and the TA1 interchange acknowledgment that refuses a
 * whole interchange.
 */
final class AcknowledgmentWriter {

    static final String GUIDE_999 = "005010X231A1";
    static final String GUIDE_277CA = "005010X214";
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private final String usageIndicator;

    AcknowledgmentWriter(String usageIndicator) {
        this.usageIndicator = usageIndicator;
    }

    /** The 999 for a file; {@code fallbackSender}/{@code fallbackReceiver} address it when its ISA is unreadable. */
    byte[] write999(ClaimFile file, long controlNumber, LocalDateTime now, String fallbackSender, String fallbackReceiver) {
        X12Output out = new X12Output(orElse(file.receiverId(), fallbackSender), orElse(file.senderId(), fallbackReceiver),
                controlNumber, now, "FA", GUIDE_999, usageIndicator);
        out.startTransaction("999", GUIDE_999);
        String guide = file.guide().isEmpty() ? "005010X222A1" : file.guide();
        out.segment("AK1", "HC", file.groupControlNumber().isEmpty() ? "0" : file.groupControlNumber(), guide);
        int accepted = 0;
        for (ClaimFile.Transaction t : file.transactions()) {
            out.segment("AK2", "837", t.controlNumber(), t.guide().isEmpty() ? guide : t.guide());
            for (SyntaxError e : t.errors()) {
                out.segment("IK3", e.segmentId(), Integer.toString(e.segmentPosition()), e.loopId(), e.segmentError());
                if (e.elementPosition() > 0) {
                    out.segment("IK4", Integer.toString(e.elementPosition()), e.elementReference(), e.elementError(),
                            X12Output.text(e.badValue()));
                }
            }
            if (t.accepted()) {
                accepted++;
                out.segment("IK5", "A");
            } else {
                out.segment("IK5", "R", t.transactionError() == null ? "5" : t.transactionError());
            }
        }
        int received = file.transactions().size();
        String status = received > 0 && accepted == received ? "A" : accepted > 0 ? "P" : "R";
        out.segment("AK9", status, Integer.toString(received), Integer.toString(received), Integer.toString(accepted));
        out.endTransaction();
        return out.finish();
    }

    /** The 277CA for the claims that passed the 999; one transaction set per payer. */
    byte[] write277ca(ClaimFile file, List<ClaimStatus> statuses, long controlNumber, LocalDateTime now) {
        X12Output out = new X12Output(file.receiverId(), file.senderId(), controlNumber, now, "HN", GUIDE_277CA,
                usageIndicator);
        Map<String, List<ClaimStatus>> byPayer = new LinkedHashMap<>();
        for (ClaimStatus status : statuses) {
            byPayer.computeIfAbsent(status.claim().payerId(), p -> new ArrayList<>()).add(status);
        }
        String date = X12Values.date(now.toLocalDate());
        String reference = "277CA" + file.interchangeControlNumber();
        for (List<ClaimStatus> payerStatuses : byPayer.values()) {
            SubmittedClaim first = payerStatuses.get(0).claim();
            out.startTransaction("277", GUIDE_277CA);
            out.segment("BHT", "0085", "08", reference, date, now.format(HHMM), "TH");
            int hl = 1;
            out.segment("HL", Integer.toString(hl), "", "20", "1");
            out.segment("NM1", "PR", "2", X12Output.text(first.payerName()), "", "", "", "", "PI", first.payerId());
            out.segment("TRN", "1", reference);
            out.segment("DTP", "050", "D8", date);
            out.segment("DTP", "009", "D8", date);
            int submitterHl = ++hl;
            out.segment("HL", Integer.toString(submitterHl), "1", "21", "1");
            out.segment("NM1", "41", "2", X12Output.text(file.submitterName()), "", "", "", "", "46",
                    X12Output.text(file.submitterId().isEmpty() ? file.senderId() : file.submitterId()));
            out.segment("TRN", "2", file.interchangeControlNumber());
            BigDecimal acceptedCharge = payerStatuses.stream().filter(ClaimStatus::accepted)
                    .map(s -> s.claim().totalCharge()).reduce(BigDecimal.ZERO, BigDecimal::add);
            out.segment("STC", Composite.of("A1", "19"), date, "WQ", acceptedCharge);
            Map<String, List<ClaimStatus>> byProvider = new LinkedHashMap<>();
            for (ClaimStatus status : payerStatuses) {
                byProvider.computeIfAbsent(status.claim().billingNpi(), n -> new ArrayList<>()).add(status);
            }
            for (List<ClaimStatus> providerStatuses : byProvider.values()) {
                SubmittedClaim provider = providerStatuses.get(0).claim();
                int providerHl = ++hl;
                out.segment("HL", Integer.toString(providerHl), Integer.toString(submitterHl), "19", "1");
                out.segment("NM1", "85", "2", X12Output.text(provider.billingName()), "", "", "", "", "XX", provider.billingNpi());
                out.segment("TRN", "1", "0");
                for (ClaimStatus status : providerStatuses) {
                    SubmittedClaim claim = status.claim();
                    out.segment("HL", Integer.toString(++hl), Integer.toString(providerHl), "PT");
                    out.segment("NM1", "QC", "1", X12Output.text(patientLast(claim)), X12Output.text(patientFirst(claim)),
                            "", "", "", "MI", X12Output.text(claim.memberId()));
                    out.segment("TRN", "2", claim.claimId());
                    for (String code : status.statusCodes()) {
                        out.segment("STC", new Composite(List.of(code.split(":"))), date, status.accepted() ? "WQ" : "U",
                                claim.totalCharge());
                    }
                    if (status.accepted()) {
                        out.segment("REF", "1K", status.payerClaimControlNumber());
                    }
                    out.segment("DTP", "472", claim.serviceDateFrom().equals(claim.serviceDateTo()) ? "D8" : "RD8",
                            claim.serviceDateFrom().equals(claim.serviceDateTo()) ? X12Values.date(claim.serviceDateFrom())
                                    : X12Values.date(claim.serviceDateFrom()) + "-" + X12Values.date(claim.serviceDateTo()));
                }
            }
            out.endTransaction();
        }
        return out.finish();
    }

    /**
     * A TA1 rejecting a whole interchange (TA104 {@code R}) with its note code, e.g. {@code 025}
     * duplicate interchange control number. An interchange of its own: ISA, TA1, IEA, no group.
     *
     * @param interchangeDate ISA09 of the refused interchange
     * @param interchangeTime ISA10 of the refused interchange
     */
    byte[] writeTa1(ClaimFile file, String interchangeDate, String interchangeTime, String noteCode,
                    long controlNumber, LocalDateTime now) {
        String icn = String.format("%09d", controlNumber);
        String text = "ISA*00*" + " ".repeat(10) + "*00*" + " ".repeat(10) + "*ZZ*" + fixed(file.receiverId()) + "*ZZ*"
                + fixed(file.senderId()) + "*" + now.format(YYMMDD) + "*" + now.format(HHMM) + "*^*00501*" + icn + "*0*"
                + usageIndicator + "*:~\n"
                + "TA1*" + X12Output.text(file.interchangeControlNumber()) + "*" + X12Output.text(interchangeDate) + "*"
                + X12Output.text(interchangeTime) + "*R*" + noteCode + "~\n"
                + "IEA*0*" + icn + "~\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String fixed(String value) {
        String text = X12Output.text(value);
        return text.length() >= 15 ? text.substring(0, 15) : text + " ".repeat(15 - text.length());
    }

    static String patientLast(SubmittedClaim claim) {
        return claim.patientLastName() != null ? claim.patientLastName() : claim.subscriberLastName();
    }

    static String patientFirst(SubmittedClaim claim) {
        return claim.patientLastName() != null ? claim.patientFirstName() : claim.subscriberFirstName();
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
