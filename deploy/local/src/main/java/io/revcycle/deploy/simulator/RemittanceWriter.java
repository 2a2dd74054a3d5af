package io.revcycle.deploy.simulator;

import io.revcycle.deploy.simulator.ClaimAdjudication.LineAdjudication;
import io.revcycle.deploy.simulator.X12Output.Composite;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes 835 remittance advice (005010X221A1): per transaction set BPR/TRN/DTM*405, payer (N1*PR)
 * and payee (N1*PE), one LX header, a CLP loop per claim (claim CAS, NM1*QC, DTM) with its SVC loops
 * (DTM*472, CAS, REF*6R echoing the 837 line control number, AMT*B6, LQ*HE), and PLB.
 */
final class RemittanceWriter {

    static final String GUIDE = "005010X221A1";

    private final String usageIndicator;

    RemittanceWriter(String usageIndicator) {
        this.usageIndicator = usageIndicator;
    }

    byte[] write(String senderId, String receiverId, long controlNumber, LocalDateTime now, List<Remittance> remittances) {
        X12Output out = new X12Output(senderId, receiverId, controlNumber, now, "HP", GUIDE, usageIndicator);
        for (Remittance original : remittances) {
            Remittance r = original.payable();
            BigDecimal total = r.totalPaid();
            String date = X12Values.date(r.paymentDate());
            out.startTransaction("835", null);
            if (total.signum() > 0) {
                out.segment("BPR", "I", total, "C", "ACH", "CCP", "01", "999999999", "DA", "123456", "1" + r.payerTaxId(), "",
                        "01", "999988880", "DA", "98765", date);
            } else {
                out.segment("BPR", "H", total, "C", "NON", "", "", "", "", "", "", "", "", "", "", "", date);
            }
            out.segment("TRN", "1", r.traceNumber(), "1" + r.payerTaxId());
            out.segment("DTM", "405", date);
            out.segment("N1", "PR", X12Output.text(r.payerName()), "XV", X12Output.text(r.payerId()));
            out.segment("N3", "1 PAYER PLAZA");
            out.segment("N4", "BALTIMORE", "MD", "21244");
            out.segment("PER", "BL", "PROVIDER SERVICES", "TE", "8005550199");
            out.segment("N1", "PE", X12Output.text(r.payeeName()), "XX", r.payeeNpi());
            if (r.payeeTaxId() != null && !r.payeeTaxId().isEmpty()) {
                out.segment("REF", "TJ", r.payeeTaxId());
            }
            if (!r.claims().isEmpty()) {
                out.segment("LX", "1");
            }
            for (ClaimAdjudication c : r.claims()) {
                claim(out, c);
            }
            if (!r.providerAdjustments().isEmpty()) {
                List<Object> plb = new ArrayList<>(List.of(r.payeeNpi(), r.paymentDate().getYear() + "1231"));
                for (Remittance.ProviderAdjustment a : r.providerAdjustments()) {
                    if (plb.size() == 14) {
                        out.segment("PLB", plb.toArray());
                        plb = new ArrayList<>(List.of(r.payeeNpi(), r.paymentDate().getYear() + "1231"));
                    }
                    plb.add(Composite.of(a.reasonCode(), X12Output.text(a.reference())));
                    plb.add(a.amount());
                }
                out.segment("PLB", plb.toArray());
            }
            out.endTransaction();
        }
        return out.finish();
    }

    private static void claim(X12Output out, ClaimAdjudication c) {
        SubmittedClaim claim = c.claim();
        out.segment("CLP", claim.claimId(), c.statusCode(), c.charge(), c.paid(),
                c.patientResponsibility().signum() == 0 ? "" : c.patientResponsibility(),
                claim.filingIndicator().isEmpty() ? "ZZ" : claim.filingIndicator(), c.payerClaimControlNumber(),
                claim.facilityCode(), claim.frequencyCode());
        cas(out, c.claimAdjustments());
        out.segment("NM1", "QC", "1", X12Output.text(AcknowledgmentWriter.patientLast(claim)),
                X12Output.text(AcknowledgmentWriter.patientFirst(claim)), "", "", "", "MI", X12Output.text(claim.memberId()));
        if (claim.patientLastName() != null) {
            out.segment("NM1", "IL", "1", X12Output.text(claim.subscriberLastName()), X12Output.text(claim.subscriberFirstName()),
                    "", "", "", "MI", X12Output.text(claim.memberId()));
        }
        if (claim.institutional()) {
            out.segment("DTM", "232", X12Values.date(claim.serviceDateFrom()));
            out.segment("DTM", "233", X12Values.date(claim.serviceDateTo()));
        }
        for (LineAdjudication line : c.lines()) {
            SubmittedClaim.ServiceLine l = line.line();
            List<String> procedure = new ArrayList<>(List.of(l.qualifier(), l.code()));
            procedure.addAll(l.modifiers());
            out.segment("SVC", new Composite(procedure), l.charge(), line.paid(),
                    l.revenueCode() != null && !"NU".equals(l.qualifier()) ? l.revenueCode() : "", l.units());
            out.segment("DTM", "472", X12Values.date(l.serviceDate()));
            cas(out, line.adjustments());
            out.segment("REF", "6R", l.controlNumber());
            if (line.allowed().signum() > 0) {
                out.segment("AMT", "B6", line.allowed());
            }
            if (line.remark() != null) {
                out.segment("LQ", "HE", line.remark());
            }
        }
    }

    /** One CAS segment per group, up to six reason/amount pairs each. */
    private static void cas(X12Output out, List<CasAdjustment> adjustments) {
        for (String group : List.of("CO", "PR", "OA", "PI", "CR")) {
            List<CasAdjustment> inGroup = adjustments.stream().filter(a -> a.group().equals(group)).toList();
            for (int from = 0; from < inGroup.size(); from += 6) {
                List<Object> elements = new ArrayList<>();
                elements.add(group);
                for (CasAdjustment a : inGroup.subList(from, Math.min(from + 6, inGroup.size()))) {
                    elements.add(a.reason());
                    elements.add(a.amount());
                    elements.add("");
                }
                out.segment("CAS", elements.toArray());
            }
        }
    }
}
