package io.revcycle.deploy.feed.render;

import io.revcycle.deploy.feed.generate.SyntheticEncounter;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.Address;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.Coverage;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.Diagnosis;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.Procedure;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.Provider;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.ServiceLine;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes an encounter as an HL7 v2.5.1 DFT^P03 charge message (segments separated by CR): MSH,
 * EVN, PID, PV1, ROL (role BILL: billing NPI and tax id), one FT1 per charge (PR1 for ICD-10-PCS
 * procedures after the first), DG1 per diagnosis, GT1, IN1 per coverage. MSH-3 is the source
 * system, which MLLP uses to know who is sending.
 */
public final class Hl7DftRenderer {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final String sendingApplication;

    /** @param sendingApplication MSH-3: the source system the ingest service knows the sender by */
    public Hl7DftRenderer(String sendingApplication) {
        this.sendingApplication = sendingApplication;
    }

    /** The message text. */
    public String render(SyntheticEncounter e) {
        String sent = DATE.format(e.serviceDateTo()) + "180000";
        StringBuilder m = new StringBuilder(2048);
        segment(m, "MSH", "^~\\&", esc(sendingApplication), esc(e.facility().facilityId()), "REVCYCLE", "BILLING", sent, "",
                "DFT^P03^DFT_P03", esc(e.encounterId()), "P", "2.5.1");
        segment(m, "EVN", "P03", sent);
        segment(m, "PID", fields(13, Map.of(
                1, "1",
                3, esc(e.patient().patientId()) + "^^^" + esc(e.facility().facilityId()) + "^MR",
                5, esc(e.patient().lastName()) + "^" + esc(e.patient().firstName()) + "^" + esc(nz(e.patient().middleName())),
                7, DATE.format(e.patient().birthDate()),
                8, e.patient().sex().name().substring(0, 1),
                11, address(e.patient().address()),
                13, esc(e.patient().phone()))));
        Map<Integer, String> pv1 = new HashMap<>();
        pv1.put(1, "1");
        pv1.put(2, switch (e.encounterClass()) {
            case AMBULATORY -> "O";
            case EMERGENCY -> "E";
            case INPATIENT -> "I";
        });
        String pointOfCare = switch (e.encounterClass()) {
            case AMBULATORY -> "CLINIC";
            case EMERGENCY -> "ED";
            case INPATIENT -> "WARD";
        };
        pv1.put(3, pointOfCare + "^^^" + esc(e.facility().facilityId()) + "^^^^^" + esc(e.facility().name()));
        if (e.admissionType() != null) {
            pv1.put(4, e.admissionType());
        }
        if (e.attendingProvider() != null) {
            pv1.put(7, xcn(e.attendingProvider()));
        }
        pv1.put(19, esc(e.encounterId()));
        pv1.put(20, e.selfPay() ? "SP" : e.coverages().isEmpty() ? "" : e.coverages().get(0).payer().claimFilingIndicator());
        if (e.dischargeStatus() != null) {
            pv1.put(36, e.dischargeStatus());
        }
        if (e.admissionDate() != null) {
            pv1.put(44, DATE.format(e.admissionDate()));
            pv1.put(45, DATE.format(e.dischargeDate()));
        }
        segment(m, "PV1", fields(45, pv1));
        Provider b = e.billingProvider();
        segment(m, "ROL", fields(11, Map.of(
                1, "1", 2, "AD", 3, "BILL^Billing provider^L",
                4, esc(b.npi()) + "^" + esc(b.organizationName()) + "^^^^^^^^^^^NPI~" + esc(b.taxId()) + "^^^^^^^^^^^^TAX",
                11, address(b.address()))));
        Map<Integer, String> diagnosisCodes = e.diagnoses().stream().filter(d -> d.code() != null)
                .collect(Collectors.toMap(Diagnosis::sequence, Diagnosis::code));
        for (ServiceLine s : e.services()) {
            String date = DATE.format(s.serviceDate());
            String pointers = s.diagnosisSequences().stream().map(diagnosisCodes::get).filter(c -> c != null)
                    .map(Hl7DftRenderer::esc).collect(Collectors.joining("~"));
            Map<Integer, String> ft1 = new HashMap<>();
            ft1.put(1, Integer.toString(s.lineNumber()));
            ft1.put(4, date);
            ft1.put(5, date);
            ft1.put(6, "CG");
            ft1.put(7, esc(s.code()) + "^^CDM");
            ft1.put(10, Integer.toString(s.units()));
            ft1.put(11, s.charge().toPlainString());
            ft1.put(19, pointers);
            if (s.renderingProviderNpi() != null) {
                ft1.put(20, xcn(e.renderingProvider()));
            }
            ft1.put(25, esc(s.code()) + "^^" + (s.system() == SyntheticEncounter.ServiceCodeSystem.CPT ? "C4" : "HCPCS"));
            ft1.put(26, s.modifiers().stream().map(Hl7DftRenderer::esc).collect(Collectors.joining("~")));
            segment(m, "FT1", fields(26, ft1));
            if (s.lineNumber() == 1) {
                for (Procedure p : e.procedures()) {
                    segment(m, "PR1", fields(5, Map.of(1, Integer.toString(p.sequence()),
                            3, esc(p.code()) + "^" + esc(p.text()) + "^I10P", 5, DATE.format(p.date()))));
                }
            }
        }
        for (Diagnosis d : e.diagnoses()) {
            segment(m, "DG1", fields(6, Map.of(1, Integer.toString(d.sequence()),
                    3, esc(nz(d.code())) + "^" + esc(nz(d.text())) + "^I10",
                    5, DATE.format(e.serviceDateFrom()), 6, d.sequence() == 1 ? "A" : "F")));
        }
        segment(m, "GT1", fields(5, Map.of(1, "1",
                3, esc(e.patient().lastName()) + "^" + esc(e.patient().firstName()),
                5, address(e.patient().address()))));
        for (int i = 0; i < e.coverages().size(); i++) {
            segment(m, "IN1", insurance(e, e.coverages().get(i), i + 1));
        }
        return m.toString();
    }

    private static String[] insurance(SyntheticEncounter e, Coverage c, int setId) {
        Map<Integer, String> in1 = new HashMap<>();
        in1.put(1, Integer.toString(setId));
        in1.put(2, esc(c.payer().payerId()) + "-PLAN^" + esc(c.planName()));
        in1.put(3, esc(c.payer().payerId()));
        in1.put(4, esc(c.payer().payerName()));
        if (c.groupNumber() != null) {
            in1.put(8, esc(c.groupNumber()));
        }
        in1.put(12, DATE.format(c.effectiveFrom()));
        in1.put(15, c.payer().claimFilingIndicator());
        boolean self = c.subscriber() == null;
        in1.put(16, self ? esc(e.patient().lastName()) + "^" + esc(e.patient().firstName())
                : esc(c.subscriber().lastName()) + "^" + esc(c.subscriber().firstName()));
        in1.put(17, switch (c.relationship()) {
            case SELF -> "SEL";
            case SPOUSE -> "SPO";
            case CHILD -> "CHD";
        });
        in1.put(18, DATE.format(self ? e.patient().birthDate() : c.subscriber().birthDate()));
        in1.put(36, esc(c.memberId()));
        in1.put(43, (self ? e.patient().sex() : c.subscriber().sex()).name().substring(0, 1));
        return fields(43, in1);
    }

    private static String xcn(Provider p) {
        return esc(p.npi()) + "^" + esc(p.lastName()) + "^" + esc(p.firstName()) + "^^^^^^^^^^NPI";
    }

    private static String address(Address a) {
        return esc(a.line1()) + "^" + esc(nz(a.line2())) + "^" + esc(a.city()) + "^" + esc(a.state()) + "^"
                + esc(a.postalCode()) + "^US";
    }

    private static String[] fields(int count, Map<Integer, String> values) {
        String[] f = new String[count];
        for (int i = 1; i <= count; i++) {
            f[i - 1] = values.getOrDefault(i, "");
        }
        return f;
    }

    private static void segment(StringBuilder m, String name, String... fields) {
        m.append(name);
        if (name.equals("MSH")) {
            // MSH-1 is the field separator itself; MSH-2 (encoding characters) is the first value written
            m.append('|').append(String.join("|", fields));
        } else {
            int last = fields.length;
            while (last > 0 && fields[last - 1].isEmpty()) {
                last--;
            }
            for (int i = 0; i < last; i++) {
                m.append('|').append(fields[i]);
            }
        }
        m.append('\r');
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** HL7 escape sequences for the delimiters, so that no value can break a segment. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\E\\");
                case '|' -> out.append("\\F\\");
                case '^' -> out.append("\\S\\");
                case '&' -> out.append("\\T\\");
                case '~' -> out.append("\\R\\");
                case '\r', '\n' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
