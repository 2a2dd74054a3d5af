package io.revcycle.ingest.hl7;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v251.message.DFT_P03;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import io.revcycle.ingest.encounter.EncounterSubmission;
import io.revcycle.ingest.encounter.FacilityKinds;
import io.revcycle.ingest.validation.CodeShapes;
import io.revcycle.ingest.validation.Problem;
import io.revcycle.ingest.validation.Rule;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an HL7 v2.5.1 DFT^P03 (any 2.x version is read into the 2.5.1 structures) into an
 * {@link EncounterSubmission}, recording the HL7 field each submission field came from
 * (e.g. {@code PID-7}, {@code FT1(2)-11}) so problems can be answered in ERR segments.
 *
 * <p>Where things are read: PID-3 (MR or first) patient id, PID-5 name, PID-7 birth date, PID-8
 * sex, PID-11 address, PID-13 phone; PV1-2 patient class, PV1-3.4 facility, PV1-7 attending,
 * PV1-8 referring, PV1-19 visit number (encounter id), PV1-20 financial class (SP = self-pay),
 * PV1-44/45 admit/discharge; ROL (after PV1) with role BILL: billing provider NPI and tax id
 * (XCN.13 NPI / TAX); FT1 per charge: FT1-4 date, FT1-10 quantity, FT1-11 extended amount, FT1-19
 * diagnosis pointers, FT1-20 performer NPI, FT1-25 CPT/HCPCS, FT1-26 modifiers; DG1-3 ICD-10-CM;
 * PR1-3 ICD-10-PCS; IN1 per coverage; GT1 is read by HAPI but not part of the contract.
 */
public final class DftMessageReader {

    /** What the reader made of a message; {@code submission} is null when it cannot be processed. */
    public record Reading(EncounterSubmission submission, Map<String, String> fields, List<Problem> problems,
                          boolean processable, Header header) {
    }

    /** The MSH fields an acknowledgment needs (null parts when unreadable). */
    public record Header(String sendingApplication, String sendingFacility, String receivingApplication,
                         String receivingFacility, String controlId, String messageType) {
        static final Header UNKNOWN = new Header(null, null, null, null, null, null);
    }

    private final PipeParser parser;

    public DftMessageReader() {
        HapiContext context = new DefaultHapiContext(new CanonicalModelClassFactory("2.5.1"));
        context.setValidationContext(ValidationContextFactory.noValidation());
        this.parser = context.getPipeParser();
    }

    /** Segment separators as the standard says ({@code \r}); {@code \n} and {@code \r\n} are tolerated. */
    static String normalise(String text) {
        return text.replace("\r\n", "\r").replace('\n', '\r').strip();
    }

    /** Reads the message text. */
    public Reading read(String text) {
        String er7 = normalise(text);
        if (!er7.startsWith("MSH")) {
            return unprocessable(Header.UNKNOWN, new Problem(Rule.REQUIRED, "MSH", "message does not start with an MSH segment"));
        }
        Message message;
        try {
            message = parser.parse(er7);
        } catch (HL7Exception | RuntimeException ex) {
            return unprocessable(Header.UNKNOWN, new Problem(Rule.SYNTAX, "MSH", "message cannot be parsed as HL7 v2"));
        }
        Terser t = new Terser(message);
        Header header = new Header(get(t, "/MSH-3-1"), get(t, "/MSH-4-1"), get(t, "/MSH-5-1"), get(t, "/MSH-6-1"),
                get(t, "/MSH-10"), get(t, "/MSH-9-1") + "^" + get(t, "/MSH-9-2"));
        if (!(message instanceof DFT_P03 dft)) {
            return unprocessable(header, new Problem(Rule.UNKNOWN_VALUE, "MSH-9", "message type must be DFT^P03"));
        }
        if (!"P03".equals(get(t, "/MSH-9-2"))) {
            return unprocessable(header, new Problem(Rule.UNKNOWN_VALUE, "MSH-9", "message type must be DFT^P03"));
        }
        try {
            return new Mapping(dft, t, header).read();
        } catch (HL7Exception ex) {
            return unprocessable(header, new Problem(Rule.SYNTAX, "MSH", "message structure cannot be read"));
        }
    }

    private static Reading unprocessable(Header header, Problem problem) {
        return new Reading(null, Map.of(), List.of(problem), false, header);
    }

    private static String get(Terser t, String path) {
        try {
            String v = t.get(path);
            return v == null || v.isBlank() ? null : v.trim();
        } catch (HL7Exception | RuntimeException ex) {
            return null;
        }
    }

    /** Converts an HL7 DT/DTM (yyyyMMdd[HHmm...]) to an ISO date; other text is passed on for validation to refuse. */
    static String isoDate(String dtm) {
        if (dtm == null) {
            return null;
        }
        if (dtm.length() >= 8 && dtm.substring(0, 8).chars().allMatch(Character::isDigit)) {
            return dtm.substring(0, 4) + "-" + dtm.substring(4, 6) + "-" + dtm.substring(6, 8);
        }
        return dtm;
    }

    private static final class Mapping {
        private final DFT_P03 dft;
        private final Terser t;
        private final Header header;
        private final Map<String, String> fields = new LinkedHashMap<>();
        private final List<Problem> problems = new ArrayList<>();

        Mapping(DFT_P03 dft, Terser t, Header header) {
            this.dft = dft;
            this.t = t;
            this.header = header;
        }

        Reading read() throws HL7Exception {
            if (dft.getPID().isEmpty()) {
                problems.add(new Problem(Rule.REQUIRED, "PID", "the message has no PID segment"));
            }
            if (dft.getPV1().isEmpty()) {
                problems.add(new Problem(Rule.REQUIRED, "PV1", "the message has no PV1 segment"));
            }
            if (!problems.isEmpty()) {
                return new Reading(null, Map.of(), problems, true, header);
            }
            field("encounterId", "PV1-19");
            field("patientId", "PID-3");
            field("patient", "PID");
            field("patient.firstName", "PID-5.2");
            field("patient.lastName", "PID-5.1");
            field("patient.birthDate", "PID-7");
            field("patient.sex", "PID-8");
            field("patient.address", "PID-11");
            field("encounterClass", "PV1-2");
            field("placeOfService", "PV1-2");
            field("facility", "PV1-3.4");
            field("attendingProvider", "PV1-7");
            field("referringProvider", "PV1-8");
            field("renderingProvider", "FT1(1)-20");
            field("serviceDateFrom", "PV1-44");
            field("serviceDateTo", "PV1-45");
            field("admissionDate", "PV1-44");
            field("dischargeDate", "PV1-45");
            field("billingProvider", "ROL");
            field("coverages", "IN1");
            field("services", "FT1");
            field("diagnoses", "DG1");

            String patientClass = get(t, "/PV1-2");
            List<EncounterSubmission.Diagnosis> diagnoses = diagnoses();
            List<EncounterSubmission.Service> services = new ArrayList<>();
            List<EncounterSubmission.Procedure> procedures = new ArrayList<>();
            charges(diagnoses, services, procedures);
            String from = isoDate(get(t, "/PV1-44-1"));
            String to = isoDate(get(t, "/PV1-45-1"));
            if (from == null) {
                from = services.stream().map(EncounterSubmission.Service::serviceDate).filter(d -> d != null).min(String::compareTo).orElse(null);
                to = services.stream().map(EncounterSubmission.Service::serviceDate).filter(d -> d != null).max(String::compareTo).orElse(null);
                field("serviceDateFrom", "FT1-4");
                field("serviceDateTo", "FT1-4");
            }
            boolean inpatient = "I".equals(patientClass);
            String financialClass = get(t, "/PV1-20-1");
            boolean selfPay = financialClass != null && List.of("SP", "SELF", "SELF_PAY").contains(financialClass.toUpperCase(Locale.ROOT));
            String facilityId = get(t, "/PV1-3-4-1");
            EncounterSubmission submission = new EncounterSubmission(
                    get(t, "/PV1-19-1"),
                    patientId(),
                    person("/PID", 5, 7, 8, 11, 13),
                    selfPay,
                    coverages(),
                    billingProvider(),
                    dft.getFINANCIALReps() > 0 ? xcnProvider("/FINANCIAL(0)/FT1-20") : null,
                    xcnProvider("/PV1-8"),
                    xcnProvider("/PV1-7"),
                    facilityId == null ? null : new EncounterSubmission.Facility(facilityId,
                            firstNonNull(get(t, "/PV1-3-9"), facilityId), null,
                            inpatient ? "HOSPITAL" : FacilityKinds.fromPlaceOfService(placeOfService(patientClass)), null),
                    placeOfService(patientClass),
                    encounterClass(patientClass),
                    from, to,
                    inpatient ? from : null,
                    inpatient ? isoDate(get(t, "/PV1-45-1")) : null,
                    get(t, "/PV1-4"),
                    get(t, "/PV1-36"),
                    diagnoses, services, procedures, null);
            return new Reading(submission, fields, problems, true, header);
        }

        private void field(String submissionField, String hl7Field) {
            fields.put(submissionField, hl7Field);
        }

        private String patientId() throws HL7Exception {
            int reps = dft.getPID().getPatientIdentifierListReps();
            for (int i = 0; i < reps; i++) {
                if ("MR".equals(get(t, "/PID-3(" + i + ")-5"))) {
                    return get(t, "/PID-3(" + i + ")-1");
                }
            }
            return get(t, "/PID-3-1");
        }

        private EncounterSubmission.Patient person(String segment, int name, int birth, int sex, int address, int phone) {
            String line1 = get(t, segment + "-" + address + "-1");
            EncounterSubmission.Address addr = line1 == null ? null : new EncounterSubmission.Address(line1,
                    get(t, segment + "-" + address + "-2"), get(t, segment + "-" + address + "-3"),
                    get(t, segment + "-" + address + "-4"), get(t, segment + "-" + address + "-5"),
                    get(t, segment + "-" + address + "-6"));
            return new EncounterSubmission.Patient(get(t, segment + "-" + name + "-2"), get(t, segment + "-" + name + "-3"),
                    get(t, segment + "-" + name + "-1-1"), isoDate(get(t, segment + "-" + birth + "-1")),
                    get(t, segment + "-" + sex), addr, phone == 0 ? null : get(t, segment + "-" + phone + "-1"));
        }

        private EncounterSubmission.Provider xcnProvider(String path) {
            String npi = get(t, path + "-1");
            if (npi == null) {
                return null;
            }
            String family = get(t, path + "-2-1");
            String given = get(t, path + "-3");
            return new EncounterSubmission.Provider(npi, family == null ? null : family + (given == null ? "" : ", " + given),
                    family, given, null, null, null);
        }

        private EncounterSubmission.Provider billingProvider() throws HL7Exception {
            for (int r = 0; r < dft.getROL2Reps(); r++) {
                String base = "/ROL2(" + r + ")";
                if (!"BILL".equalsIgnoreCase(get(t, base + "-3-1"))) {
                    continue;
                }
                field("billingProvider", "ROL(" + (r + 1) + ")-4");
                String npi = null;
                String taxId = null;
                String name = null;
                int reps = dft.getROL2(r).getRolePersonReps();
                for (int i = 0; i < reps; i++) {
                    String type = get(t, base + "-4(" + i + ")-13");
                    String id = get(t, base + "-4(" + i + ")-1");
                    if ("TAX".equals(type)) {
                        taxId = id;
                        field("billingProvider.taxId", "ROL(" + (r + 1) + ")-4(" + (i + 1) + ").1");
                    } else {
                        npi = npi == null ? id : npi;
                        name = name == null ? get(t, base + "-4(" + i + ")-2-1") : name;
                        field("billingProvider.npi", "ROL(" + (r + 1) + ")-4(" + (i + 1) + ").1");
                        field("billingProvider.name", "ROL(" + (r + 1) + ")-4(" + (i + 1) + ").2");
                    }
                }
                return new EncounterSubmission.Provider(npi, name, null, null, null, taxId, rolAddress(base, r));
            }
            return null;
        }

        // ROL-11 (XAD): the billing provider's address, which 837 loop 2010AA requires.
        private EncounterSubmission.Address rolAddress(String base, int r) throws HL7Exception {
            String line1 = get(t, base + "-11-1-1");
            if (line1 == null) {
                return null;
            }
            field("billingProvider.address", "ROL(" + (r + 1) + ")-11");
            return new EncounterSubmission.Address(line1, get(t, base + "-11-2"), get(t, base + "-11-3"),
                    get(t, base + "-11-4"), get(t, base + "-11-5"), firstNonNull(get(t, base + "-11-6"), "US"));
        }

        private List<EncounterSubmission.Diagnosis> diagnoses() {
            List<EncounterSubmission.Diagnosis> out = new ArrayList<>();
            for (int i = 0; i < dft.getDG1Reps(); i++) {
                String base = "/DG1(" + i + ")";
                String seg = "DG1(" + (i + 1) + ")";
                field("diagnoses[" + i + "]", seg);
                field("diagnoses[" + i + "].code", seg + "-3");
                field("diagnoses[" + i + "].sequence", seg + "-1");
                String system = get(t, base + "-3-3");
                if (system != null && !List.of("I10", "I10C", "ICD10CM", "ICD-10-CM").contains(system.toUpperCase(Locale.ROOT))) {
                    problems.add(new Problem(Rule.CODE_FORMAT, seg + "-3.3", "coding system must be ICD-10-CM (I10)"));
                }
                String setId = get(t, base + "-1");
                Integer sequence = setId != null && setId.matches("\\d+") ? Integer.valueOf(setId) : i + 1;
                out.add(new EncounterSubmission.Diagnosis(sequence, get(t, base + "-3-1"), get(t, base + "-3-2"), null));
            }
            return out;
        }

        private void charges(List<EncounterSubmission.Diagnosis> diagnoses, List<EncounterSubmission.Service> services,
                             List<EncounterSubmission.Procedure> procedures) throws HL7Exception {
            Map<String, Integer> sequenceByCode = new HashMap<>();
            for (EncounterSubmission.Diagnosis d : diagnoses) {
                if (d.code() != null) {
                    sequenceByCode.put(CodeShapes.icd10Value(d.code()), d.sequence());
                }
            }
            for (int i = 0; i < dft.getFINANCIALReps(); i++) {
                String base = "/FINANCIAL(" + i + ")/FT1";
                String seg = "FT1(" + (i + 1) + ")";
                String field = "services[" + i + "]";
                field(field, seg);
                field(field + ".code", seg + "-25");
                field(field + ".codeSystem", seg + "-25.3");
                field(field + ".units", seg + "-10");
                field(field + ".chargeAmount", seg + "-11");
                field(field + ".serviceDate", seg + "-4");
                field(field + ".renderingProviderNpi", seg + "-20");
                field(field + ".modifiers", seg + "-26");
                field(field + ".diagnosisSequences", seg + "-19");
                List<String> modifiers = new ArrayList<>();
                for (int m = 0; m < dft.getFINANCIAL(i).getFT1().getProcedureCodeModifierReps(); m++) {
                    String mod = get(t, base + "-26(" + m + ")-1");
                    if (mod != null) {
                        modifiers.add(mod);
                    }
                }
                List<Integer> pointers = new ArrayList<>();
                for (int d = 0; d < dft.getFINANCIAL(i).getFT1().getDiagnosisCodeFT1Reps(); d++) {
                    String icd = get(t, base + "-19(" + d + ")-1");
                    if (icd != null) {
                        pointers.add(sequenceByCode.getOrDefault(CodeShapes.icd10Value(icd), 0));
                    }
                }
                String units = get(t, base + "-10");
                String amount = get(t, base + "-11-1-1");
                services.add(new EncounterSubmission.Service(i + 1,
                        get(t, base + "-25-1"), serviceSystem(get(t, base + "-25-3")), get(t, base + "-25-2"),
                        modifiers, integer(units, seg + "-10"), money(amount, seg + "-11"),
                        isoDate(get(t, base + "-4-1-1")), null, null, pointers, get(t, base + "-20-1")));
                for (int p = 0; p < dft.getFINANCIAL(i).getFINANCIAL_PROCEDUREReps(); p++) {
                    String pr = "/FINANCIAL(" + i + ")/FINANCIAL_PROCEDURE(" + p + ")/PR1";
                    if (dft.getFINANCIAL(i).getFINANCIAL_PROCEDURE(p).getPR1().isEmpty()) {
                        continue;
                    }
                    String prField = "procedures[" + procedures.size() + "]";
                    field(prField + ".code", "PR1(" + (procedures.size() + 1) + ")-3");
                    field(prField + ".date", "PR1(" + (procedures.size() + 1) + ")-5");
                    procedures.add(new EncounterSubmission.Procedure(procedures.size() + 1, get(t, pr + "-3-1"),
                            get(t, pr + "-3-2"), isoDate(get(t, pr + "-5-1"))));
                }
            }
        }

        private static String serviceSystem(String hl7System) {
            if (hl7System == null) {
                return null;
            }
            return switch (hl7System.toUpperCase(Locale.ROOT)) {
                case "C4", "C5", "CPT", "CPT4" -> "CPT";
                case "HCPCS", "HCPT", "HC" -> "HCPCS";
                default -> hl7System;
            };
        }

        private Integer integer(String value, String hl7Field) {
            if (value == null) {
                return null;
            }
            try {
                return new BigDecimal(value).intValueExact();
            } catch (ArithmeticException | NumberFormatException ex) {
                problems.add(new Problem(Rule.UNITS, hl7Field, "must be a whole number"));
                return 1;
            }
        }

        private BigDecimal money(String value, String hl7Field) {
            if (value == null) {
                return null;
            }
            try {
                return new BigDecimal(value);
            } catch (NumberFormatException ex) {
                problems.add(new Problem(Rule.FORMAT, hl7Field, "must be a decimal amount"));
                return BigDecimal.ZERO;
            }
        }

        private List<EncounterSubmission.Coverage> coverages() throws HL7Exception {
            List<EncounterSubmission.Coverage> out = new ArrayList<>();
            for (int i = 0; i < dft.getINSURANCEReps(); i++) {
                String base = "/INSURANCE(" + i + ")/IN1";
                if (dft.getINSURANCE(i).getIN1().isEmpty()) {
                    continue;
                }
                String seg = "IN1(" + (i + 1) + ")";
                String field = "coverages[" + out.size() + "]";
                field(field, seg);
                field(field + ".sequence", seg + "-1");
                field(field + ".payerId", seg + "-3");
                field(field + ".payerName", seg + "-4");
                field(field + ".financialClass", seg + "-15");
                field(field + ".memberId", seg + "-36");
                field(field + ".groupNumber", seg + "-8");
                field(field + ".relationshipToSubscriber", seg + "-17");
                field(field + ".subscriber", seg + "-16");
                field(field + ".effectiveFrom", seg + "-12");
                field(field + ".effectiveTo", seg + "-13");
                String relationship = relationship(get(t, base + "-17-1"));
                EncounterSubmission.Patient subscriber = null;
                if (relationship != null && !"18".equals(relationship) && get(t, base + "-16-1-1") != null) {
                    subscriber = new EncounterSubmission.Patient(get(t, base + "-16-2"), get(t, base + "-16-3"),
                            get(t, base + "-16-1-1"), isoDate(get(t, base + "-18-1")), get(t, base + "-43"), null, null);
                    field(field + ".subscriber.birthDate", seg + "-18");
                    field(field + ".subscriber.sex", seg + "-43");
                }
                String setId = get(t, base + "-1");
                out.add(new EncounterSubmission.Coverage(
                        setId == null ? null : switch (setId) {
                            case "1" -> "PRIMARY";
                            case "2" -> "SECONDARY";
                            case "3" -> "TERTIARY";
                            default -> setId;
                        },
                        get(t, base + "-3-1"), get(t, base + "-4-1"), financialClass(get(t, base + "-15")),
                        get(t, base + "-2-2"), get(t, base + "-36"), get(t, base + "-8"), relationship, subscriber,
                        isoDate(get(t, base + "-12")), isoDate(get(t, base + "-13")), get(t, base + "-14-1")));
            }
            return out;
        }

        /** IN1-15 plan type: X12 claim filing indicator codes, or the contract's own symbols. */
        private static String financialClass(String planType) {
            if (planType == null) {
                return null;
            }
            return switch (planType.toUpperCase(Locale.ROOT)) {
                case "MA", "MB", "16" -> "MEDICARE";
                case "MC" -> "MEDICAID";
                case "CI", "BL" -> "COMMERCIAL";
                case "HM", "12", "13", "14" -> "MANAGED_CARE";
                case "CH" -> "TRICARE";
                case "WC" -> "WORKERS_COMP";
                case "09" -> "SELF_PAY";
                default -> planType;
            };
        }

        /** IN1-17 (HL7 table 0063) to the X12 individual relationship code. */
        private static String relationship(String code) {
            if (code == null) {
                return null;
            }
            return switch (code.toUpperCase(Locale.ROOT)) {
                case "SEL" -> "18";
                case "SPO" -> "01";
                case "CHD" -> "19";
                default -> "G8";
            };
        }

        private static String placeOfService(String patientClass) {
            return switch (patientClass == null ? "" : patientClass) {
                case "O" -> "11";
                case "E" -> "23";
                case "I" -> "21";
                case "R", "B" -> "22";
                default -> null;
            };
        }

        private static String encounterClass(String patientClass) {
            if (patientClass == null) {
                return null;
            }
            return switch (patientClass) {
                case "O" -> "AMBULATORY";
                case "E" -> "EMERGENCY";
                case "I" -> "INPATIENT";
                case "R", "B" -> "OUTPATIENT";
                default -> patientClass;
            };
        }

        private static String firstNonNull(String a, String b) {
            return a != null ? a : b;
        }
    }
}
