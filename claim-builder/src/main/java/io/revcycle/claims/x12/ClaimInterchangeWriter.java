package io.revcycle.claims.x12;

import io.revcycle.claims.x12.SegmentWriter.Composite;
import io.revcycle.events.Address;
import io.revcycle.events.AdministrativeSex;
import io.revcycle.events.Claim;
import io.revcycle.events.ClaimLine;
import io.revcycle.events.ClaimType;
import io.revcycle.events.CodeSystem;
import io.revcycle.events.CodedDiagnosis;
import io.revcycle.events.CodedProcedure;
import io.revcycle.events.Coverage;
import io.revcycle.events.Person;
import io.revcycle.events.Provider;
import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes claims of one type as an X12 interchange: 837P (005010X222A1) or 837I (005010X223A2).
 * One functional group; one transaction set per claim, so a 999 that rejects a transaction set
 * rejects exactly one claim. ST02 of the n-th claim is n as four digits; GS06 is the interchange
 * control number.
 */
public final class ClaimInterchangeWriter {

    /** Implementation guide of professional claims. */
    public static final String PROFESSIONAL_GUIDE = "005010X222A1";
    /** Implementation guide of institutional claims. */
    public static final String INSTITUTIONAL_GUIDE = "005010X223A2";
    /** Most diagnosis codes one HI segment carries. */
    private static final int HI_CAPACITY = 12;
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    private final X12Settings settings;
    private final EDIOutputFactory factory;
    private final Schema controlSchema;

    public ClaimInterchangeWriter(X12Settings settings) {
        this.settings = settings;
        this.factory = EDIOutputFactory.newFactory();
        factory.setProperty(EDIStreamConstants.Delimiters.SEGMENT, '~');
        factory.setProperty(EDIStreamConstants.Delimiters.DATA_ELEMENT, '*');
        factory.setProperty(EDIStreamConstants.Delimiters.COMPONENT_ELEMENT, ':');
        factory.setProperty(EDIStreamConstants.Delimiters.REPETITION, '^');
        factory.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
        try {
            controlSchema = SchemaFactory.newFactory().getControlSchema(EDIStreamConstants.Standards.X12, new String[] {"00501"});
        } catch (EDISchemaException e) {
            throw new IllegalStateException("StAEDI ships the X12 00501 envelope schema", e);
        }
    }

    /** Implementation guide (GS08/ST03) of a claim type. */
    public static String guide(ClaimType type) {
        return type == ClaimType.INSTITUTIONAL ? INSTITUTIONAL_GUIDE : PROFESSIONAL_GUIDE;
    }

    /** ST02 of the claim at {@code index} (0-based) in an interchange. */
    public static String transactionSetControlNumber(int index) {
        return String.format("%04d", index + 1);
    }

    /** ISA13 rendering of a control number. */
    public static String interchangeControlNumber(long controlNumber) {
        return String.format("%09d", controlNumber);
    }

    /** The interchange as bytes. */
    public byte[] write(ClaimType type, long controlNumber, LocalDateTime createdAt, List<Claim> claims) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048 * claims.size() + 512);
        write(type, controlNumber, createdAt, claims, out);
        return out.toByteArray();
    }

    /** Writes the interchange to {@code out}. */
    public void write(ClaimType type, long controlNumber, LocalDateTime createdAt, List<Claim> claims, OutputStream out) {
        if (claims.isEmpty()) {
            throw new IllegalArgumentException("an interchange needs at least one claim");
        }
        for (Claim claim : claims) {
            if (claim.getClaimType() != type) {
                throw new IllegalArgumentException("claim " + claim.getClaimId() + " is not " + type);
            }
        }
        String icn = interchangeControlNumber(controlNumber);
        String guide = guide(type);
        try {
            EDIStreamWriter writer = factory.createEDIStreamWriter(out);
            writer.setControlSchema(controlSchema);
            SegmentWriter w = new SegmentWriter(writer);
            writer.startInterchange();
            w.segment("ISA", "00", " ".repeat(10), "00", " ".repeat(10), "ZZ", X12Text.fixed(settings.submitterId(), 15),
                    "ZZ", X12Text.fixed(settings.receiverId(), 15), createdAt.format(YYMMDD), createdAt.format(HHMM),
                    "^", "00501", icn, "0", settings.usageIndicator(), ":");
            w.segment("GS", "HC", X12Text.text(settings.submitterId()), X12Text.text(settings.receiverId()),
                    createdAt.format(CCYYMMDD), createdAt.format(HHMM), Long.toString(controlNumber), "X", guide);
            for (int i = 0; i < claims.size(); i++) {
                writeTransaction(w, type, guide, transactionSetControlNumber(i), icn, createdAt, claims.get(i));
            }
            w.segment("GE", Integer.toString(claims.size()), Long.toString(controlNumber));
            w.segment("IEA", "1", icn);
            writer.endInterchange();
            writer.close();
        } catch (EDIStreamException e) {
            throw new IllegalStateException("could not write interchange " + icn + ": " + e.getMessage(), e);
        }
    }

    private void writeTransaction(SegmentWriter w, ClaimType type, String guide, String st, String icn,
                                  LocalDateTime createdAt, Claim claim) throws EDIStreamException {
        boolean institutional = type == ClaimType.INSTITUTIONAL;
        w.startTransactionCount();
        w.segment("ST", "837", st, guide);
        w.segment("BHT", "0019", "00", icn + st, createdAt.format(CCYYMMDD), createdAt.format(HHMM), "CH");
        // 1000A submitter, 1000B receiver
        w.segment("NM1", "41", "2", X12Text.text(settings.submitterName()), "", "", "", "", "46",
                X12Text.text(settings.submitterId()));
        w.segment("PER", "IC", X12Text.text(settings.contactName()), "TE", settings.contactPhone());
        w.segment("NM1", "40", "2", X12Text.text(settings.receiverName()), "", "", "", "", "46",
                X12Text.text(settings.receiverId()));
        // 2000A billing provider
        Provider billing = claim.getBillingProvider();
        w.segment("HL", "1", "", "20", "1");
        if (billing.getTaxonomy() != null) {
            w.segment("PRV", "BI", "PXC", billing.getTaxonomy());
        }
        w.segment("NM1", "85", "2", X12Text.text(billing.getName()), "", "", "", "", "XX", billing.getNpi());
        address(w, billing.getAddress());
        w.segment("REF", "EI", billing.getTaxId());
        // 2000B subscriber
        Coverage coverage = claim.getCoverage();
        boolean patientIsSubscriber = "18".equals(coverage.getRelationshipToSubscriber()) || coverage.getSubscriber() == null;
        w.segment("HL", "2", "1", "22", patientIsSubscriber ? "0" : "1");
        w.segment("SBR", "P", patientIsSubscriber ? "18" : "", X12Text.text(coverage.getGroupNumber()),
                coverage.getGroupNumber() == null ? X12Text.text(coverage.getPlanName()) : "", "", "", "", "",
                filingIndicator(coverage, institutional));
        Person subscriber = patientIsSubscriber ? claim.getPatient() : coverage.getSubscriber();
        w.segment("NM1", "IL", "1", X12Text.text(subscriber.getLastName()), X12Text.text(subscriber.getFirstName()),
                X12Text.text(subscriber.getMiddleName()), "", "", "MI", X12Text.text(coverage.getMemberId()));
        address(w, subscriber.getAddress());
        if (patientIsSubscriber) {
            demographics(w, subscriber);
        }
        w.segment("NM1", "PR", "2", X12Text.text(coverage.getPayerName()), "", "", "", "", "PI",
                X12Text.text(coverage.getPayerId()));
        // 2000C patient, when not the subscriber
        if (!patientIsSubscriber) {
            w.segment("HL", "3", "2", "23", "0");
            w.segment("PAT", coverage.getRelationshipToSubscriber());
            Person patient = claim.getPatient();
            w.segment("NM1", "QC", "1", X12Text.text(patient.getLastName()), X12Text.text(patient.getFirstName()),
                    X12Text.text(patient.getMiddleName()));
            address(w, patient.getAddress());
            demographics(w, patient);
        }
        // 2300 claim
        String frequency = claim.getFrequencyCode();
        if (institutional) {
            String tob = claim.getTypeOfBill();
            w.segment("CLM", claim.getClaimId(), X12Text.amount(claim.getTotalCharge()), "", "",
                    Composite.of(tob.substring(1, 3), "A", frequency), "", "A", "Y", "Y");
            w.segment("DTP", "434", "RD8", X12Text.date(claim.getServiceDateFrom()) + "-" + X12Text.date(claim.getServiceDateTo()));
            if (claim.getAdmissionDate() != null) {
                w.segment("DTP", "435", "D8", X12Text.date(claim.getAdmissionDate()));
            }
            if (claim.getAdmissionType() != null || claim.getDischargeStatus() != null) {
                w.segment("CL1", X12Text.text(claim.getAdmissionType()), "", X12Text.text(claim.getDischargeStatus()));
            }
        } else {
            w.segment("CLM", claim.getClaimId(), X12Text.amount(claim.getTotalCharge()), "", "",
                    Composite.of(claim.getPlaceOfService(), "B", frequency), "Y", "A", "Y", "Y");
        }
        if (claim.getPayerClaimControlNumber() != null) {
            w.segment("REF", "F8", X12Text.text(claim.getPayerClaimControlNumber()));
        }
        if (coverage.getPriorAuthorization() != null) {
            w.segment("REF", "G1", X12Text.text(coverage.getPriorAuthorization()));
        }
        List<CodedDiagnosis> diagnoses = sortedDiagnoses(claim);
        diagnoses(w, diagnoses, institutional);
        if (institutional) {
            procedures(w, claim.getProcedures());
            Provider attending = claim.getAttendingProvider();
            if (attending != null) {
                w.segment("NM1", "71", "1", X12Text.text(attending.getLastName()), X12Text.text(attending.getFirstName()),
                        "", "", "", "XX", attending.getNpi());
                if (attending.getTaxonomy() != null) {
                    w.segment("PRV", "AT", "PXC", attending.getTaxonomy());
                }
            }
        } else {
            Provider referring = claim.getReferringProvider();
            if (referring != null) {
                w.segment("NM1", "DN", "1", X12Text.text(referring.getLastName()), X12Text.text(referring.getFirstName()),
                        "", "", "", "XX", referring.getNpi());
            }
            Provider rendering = claim.getRenderingProvider();
            if (rendering != null && !rendering.getNpi().equals(billing.getNpi())) {
                w.segment("NM1", "82", "1", X12Text.text(rendering.getLastName()), X12Text.text(rendering.getFirstName()),
                        "", "", "", "XX", rendering.getNpi());
                if (rendering.getTaxonomy() != null) {
                    w.segment("PRV", "PE", "PXC", rendering.getTaxonomy());
                }
            }
        }
        // 2400 service lines; an inpatient bill dates its lines by the statement period, not per line
        boolean inpatient = institutional && claim.getTypeOfBill().startsWith("011");
        int lx = 0;
        for (ClaimLine line : claim.getLines()) {
            lx++;
            w.segment("LX", Integer.toString(lx));
            if (institutional) {
                w.segment("SV2", X12Text.text(line.getRevenueCode()), procedureComposite(line),
                        X12Text.amount(line.getChargeAmount()), "UN", Integer.toString(line.getUnits()));
            } else {
                w.segment("SV1", procedureComposite(line), X12Text.amount(line.getChargeAmount()), "UN",
                        Integer.toString(line.getUnits()), "", "", pointerComposite(line, diagnoses));
            }
            if (!inpatient) {
                w.segment("DTP", "472", "D8", X12Text.date(line.getServiceDate()));
            }
            w.segment("REF", "6R", lineControlNumber(claim.getClaimId(), line.getLineNumber()));
        }
        w.segment("SE", Integer.toString(w.transactionSegments() + 1), st);
    }

    /** REF*6R of a line: the claim id and line number, which the 835 echoes back in its REF*6R. */
    public static String lineControlNumber(String claimId, int lineNumber) {
        return claimId + "-" + lineNumber;
    }

    private static void address(SegmentWriter w, Address address) throws EDIStreamException {
        if (address == null) {
            return;
        }
        w.segment("N3", X12Text.text(address.getLine1()), X12Text.text(address.getLine2()));
        w.segment("N4", X12Text.text(address.getCity()), X12Text.text(address.getState()),
                X12Text.text(address.getPostalCode()).replace("-", ""));
    }

    private static void demographics(SegmentWriter w, Person person) throws EDIStreamException {
        w.segment("DMG", "D8", X12Text.date(person.getBirthDate()), sex(person.getSex()));
    }

    private static String sex(AdministrativeSex sex) {
        return switch (sex) {
            case MALE -> "M";
            case FEMALE -> "F";
            default -> "U";
        };
    }

    /** SBR09 claim filing indicator from the financial class. */
    private static String filingIndicator(Coverage coverage, boolean institutional) {
        return switch (coverage.getFinancialClass()) {
            case MEDICARE -> institutional ? "MA" : "MB";
            case MEDICAID -> "MC";
            case COMMERCIAL -> "CI";
            case MANAGED_CARE -> "HM";
            case TRICARE -> "CH";
            case WORKERS_COMP -> "WC";
            default -> "ZZ";
        };
    }

    private static List<CodedDiagnosis> sortedDiagnoses(Claim claim) {
        List<CodedDiagnosis> sorted = new ArrayList<>(claim.getDiagnoses());
        sorted.sort(Comparator.comparingInt(CodedDiagnosis::getSequence));
        return sorted;
    }

    /**
     * 837P: one HI, first code ABK, the rest ABF. 837I: principal diagnosis ABK in its own HI, the
     * others ABF; present-on-admission indicator in component 9.
     */
    private static void diagnoses(SegmentWriter w, List<CodedDiagnosis> diagnoses, boolean institutional)
            throws EDIStreamException {
        if (diagnoses.isEmpty()) {
            return;
        }
        List<Object> composites = new ArrayList<>();
        for (int i = 0; i < diagnoses.size(); i++) {
            CodedDiagnosis dx = diagnoses.get(i);
            String qualifier = i == 0 ? "ABK" : "ABF";
            String code = X12Text.icd(dx.getCode().getValue());
            composites.add(institutional && dx.getPresentOnAdmission() != null
                    ? Composite.of(qualifier, code, "", "", "", "", "", "", X12Text.text(dx.getPresentOnAdmission()))
                    : Composite.of(qualifier, code));
        }
        if (institutional) {
            w.segment("HI", composites.get(0));
            writeInChunks(w, composites.subList(1, composites.size()));
        } else {
            writeInChunks(w, composites);
        }
    }

    /** ICD-10-PCS procedures: principal BBR, others BBQ, each with its date. */
    private static void procedures(SegmentWriter w, List<CodedProcedure> procedures) throws EDIStreamException {
        List<CodedProcedure> sorted = new ArrayList<>(procedures);
        sorted.sort(Comparator.comparingInt(CodedProcedure::getSequence));
        List<Object> others = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            CodedProcedure p = sorted.get(i);
            Composite composite = Composite.of(i == 0 ? "BBR" : "BBQ", X12Text.icd(p.getCode().getValue()), "D8",
                    X12Text.date(p.getDate()));
            if (i == 0) {
                w.segment("HI", composite);
            } else {
                others.add(composite);
            }
        }
        writeInChunks(w, others);
    }

    private static void writeInChunks(SegmentWriter w, List<Object> composites) throws EDIStreamException {
        for (int from = 0; from < composites.size(); from += HI_CAPACITY) {
            w.segment("HI", composites.subList(from, Math.min(from + HI_CAPACITY, composites.size())).toArray());
        }
    }

    private static Object procedureComposite(ClaimLine line) {
        CodeSystem system = line.getCode().getSystem();
        if (system != CodeSystem.CPT && system != CodeSystem.HCPCS) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        parts.add("HC");
        parts.add(X12Text.text(line.getCode().getValue()));
        for (String modifier : line.getModifiers().subList(0, Math.min(4, line.getModifiers().size()))) {
            parts.add(X12Text.text(modifier));
        }
        return new Composite(parts);
    }

    /** SV107: diagnosis pointers are positions in the HI list, not diagnosis sequence numbers. */
    private static Composite pointerComposite(ClaimLine line, List<CodedDiagnosis> diagnoses) {
        List<String> pointers = new ArrayList<>();
        for (Integer sequence : line.getDiagnosisPointers()) {
            for (int i = 0; i < diagnoses.size() && pointers.size() < 4; i++) {
                if (diagnoses.get(i).getSequence() == sequence) {
                    pointers.add(Integer.toString(i + 1));
                }
            }
        }
        return new Composite(pointers);
    }
}
