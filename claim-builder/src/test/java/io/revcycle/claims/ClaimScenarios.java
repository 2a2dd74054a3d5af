package io.revcycle.claims;

import io.revcycle.claims.assembly.ClaimAssembler;
import io.revcycle.events.Address;
import io.revcycle.events.AdministrativeSex;
import io.revcycle.events.Claim;
import io.revcycle.events.Code;
import io.revcycle.events.CodeSource;
import io.revcycle.events.CodeSystem;
import io.revcycle.events.CodedDiagnosis;
import io.revcycle.events.CodedEncounter;
import io.revcycle.events.CodedProcedure;
import io.revcycle.events.CodedServiceLine;
import io.revcycle.events.Coverage;
import io.revcycle.events.CoverageSequence;
import io.revcycle.events.EncounterClass;
import io.revcycle.events.EncounterReceived;
import io.revcycle.events.Facility;
import io.revcycle.events.FacilityKind;
import io.revcycle.events.FinancialClass;
import io.revcycle.events.Person;
import io.revcycle.events.Provider;
import io.revcycle.events.SourceFormat;
import io.revcycle.schemas.EventHeaders;
import io.revcycle.schemas.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Named encounters used across the tests: a two-line office visit billed to Medicare (837P) and a
 * three-day inpatient stay billed to a commercial payer (837I). Fictional people and providers.
 */
public final class ClaimScenarios {

    /** The moment claims are built in tests (so golden files are stable). */
    public static final Instant NOW = Instant.parse("2026-03-20T15:30:00Z");
    /** Filing date used for scrubbing in tests. */
    public static final LocalDate TODAY = LocalDate.of(2026, 3, 20);

    private ClaimScenarios() {
    }

    /** 99213 + 36415 for a diabetic hypertensive patient, Medicare primary, patient is the subscriber. */
    public static CodedEncounter officeVisitTwoLines() {
        LocalDate dos = LocalDate.of(2026, 3, 2);
        EncounterReceived encounter = baseEncounter("ENC-OV-1001", dos, dos)
                .setFacility(clinic())
                .setPlaceOfService("11")
                .setEncounterClass(EncounterClass.AMBULATORY)
                .setCoverages(List.of(medicare()))
                .setRenderingProvider(rendering())
                .setTotalCharge(Money.of("140.00"))
                .build();
        return coded(encounter,
                List.of(diagnosis(1, CodeSystem.ICD10CM, "E11.9"), diagnosis(2, CodeSystem.ICD10CM, "I10")),
                List.of(line(1, CodeSystem.CPT, "99213", List.of(), 1, "125.00", dos, List.of(1, 2), null),
                        line(2, CodeSystem.CPT, "36415", List.of(), 1, "15.00", dos, List.of(1), null)),
                List.of());
    }

    /** Appendectomy stay: room, pharmacy, lab and OR lines with revenue codes; commercial payer, patient is a dependent. */
    public static CodedEncounter inpatientStay() {
        LocalDate admit = LocalDate.of(2026, 3, 5);
        LocalDate discharge = LocalDate.of(2026, 3, 8);
        EncounterReceived encounter = baseEncounter("ENC-IP-2001", admit, discharge)
                .setFacility(hospital())
                .setPlaceOfService("21")
                .setEncounterClass(EncounterClass.INPATIENT)
                .setCoverages(List.of(commercialAsDependent()))
                .setAttendingProvider(attending())
                .setAdmissionDate(admit)
                .setDischargeDate(discharge)
                .setAdmissionType("1")
                .setDischargeStatus("01")
                .setTotalCharge(Money.of("8175.00"))
                .build();
        return coded(encounter,
                List.of(diagnosis(1, CodeSystem.ICD10CM, "K35.80"), diagnosis(2, CodeSystem.ICD10CM, "E11.9")),
                List.of(line(1, CodeSystem.REVENUE, "0110", List.of(), 3, "7200.00", admit, List.of(), "0110"),
                        line(2, CodeSystem.REVENUE, "0250", List.of(), 4, "160.00", admit, List.of(), "0250"),
                        line(3, CodeSystem.CPT, "80053", List.of(), 1, "55.00", admit, List.of(), "0300"),
                        line(4, CodeSystem.REVENUE, "0360", List.of(), 1, "760.00", admit, List.of(), "0360")),
                List.of(new CodedProcedure(1, new Code(CodeSystem.ICD10PCS, "0DTJ4ZZ", null), admit)));
    }

    /**
     * A child seen on referral: 99214 with modifier 25 and an ECG, billed to the parent's
     * commercial plan (patient loop 2000C), referring provider on the claim.
     */
    public static CodedEncounter dependentVisitWithModifier() {
        LocalDate dos = LocalDate.of(2026, 3, 9);
        EncounterReceived encounter = baseEncounter("ENC-OV-1500", dos, dos)
                .setPatientId("MRN-1500")
                .setPatient(Person.newBuilder().setFirstName("EMMA").setLastName("DOE").setBirthDate(LocalDate.of(2015, 2, 3))
                        .setSex(AdministrativeSex.FEMALE).setAddress(address("42 ELM ST", "SPRINGFIELD", "IL", "62704")).build())
                .setFacility(clinic())
                .setPlaceOfService("11")
                .setEncounterClass(EncounterClass.AMBULATORY)
                .setCoverages(List.of(commercialAsDependent()))
                .setRenderingProvider(rendering())
                .setReferringProvider(Provider.newBuilder().setNpi("1333333338").setName("PATEL, RAVI").setLastName("PATEL")
                        .setFirstName("RAVI").build())
                .setTotalCharge(Money.of("245.00"))
                .build();
        return coded(encounter,
                List.of(diagnosis(1, CodeSystem.ICD10CM, "R00.2"), diagnosis(2, CodeSystem.ICD10CM, "J45.909")),
                List.of(line(1, CodeSystem.CPT, "99214", List.of("25"), 1, "185.00", dos, List.of(2, 1), null),
                        line(2, CodeSystem.CPT, "93000", List.of(), 1, "60.00", dos, List.of(1), null)),
                List.of());
    }

    /** Emergency department visit at the hospital: institutional outpatient bill (TOB 0131) with HCPCS on lines. */
    public static CodedEncounter emergencyVisit() {
        LocalDate dos = LocalDate.of(2026, 3, 11);
        EncounterReceived encounter = baseEncounter("ENC-IP-ED-3001", dos, dos)
                .setFacility(hospital())
                .setPlaceOfService("23")
                .setEncounterClass(EncounterClass.EMERGENCY)
                .setCoverages(List.of(commercialAsDependent()))
                .setAttendingProvider(attending())
                .setTotalCharge(Money.of("575.00"))
                .build();
        return coded(encounter,
                List.of(diagnosis(1, CodeSystem.ICD10CM, "S52.521A")),
                List.of(line(1, CodeSystem.CPT, "99284", List.of("25"), 1, "520.00", dos, List.of(1), "0450"),
                        line(2, CodeSystem.CPT, "80053", List.of(), 1, "55.00", dos, List.of(1), "0300")),
                List.of());
    }

    /** The office visit's claim as assembled (CREATED, not yet priced or scrubbed). */
    public static Claim officeVisitClaim() {
        return new ClaimAssembler().assemble(officeVisitTwoLines(), NOW).orElseThrow();
    }

    /** The inpatient stay's claim as assembled. */
    public static Claim inpatientClaim() {
        return new ClaimAssembler().assemble(inpatientStay(), NOW).orElseThrow();
    }

    /** A coded encounter with another encounter id but otherwise the same visit. */
    public static CodedEncounter withEncounterId(CodedEncounter coded, String encounterId) {
        return CodedEncounter.newBuilder(coded).setEncounterId(encounterId)
                .setEncounter(EncounterReceived.newBuilder(coded.getEncounter()).setEncounterId(encounterId).build())
                .build();
    }

    /** A posting from payment-posting for one of the office visit's claims. */
    public static io.revcycle.events.PaymentPosted payment(String claimId, io.revcycle.events.ClaimState state,
                                                           String paid, String balanceAfter) {
        return io.revcycle.events.PaymentPosted.newBuilder()
                .setHeader(EventHeaders.create("payment-posting", null, claimId))
                .setPostingId("R1-" + claimId + "-1").setPostingType(io.revcycle.events.PostingType.PAYMENT)
                .setClaimId(claimId).setPatientKey("k").setPayerId("MEDICARE").setPayerName("MEDICARE PART B")
                .setFinancialClass(FinancialClass.MEDICARE).setClaimType(io.revcycle.events.ClaimType.PROFESSIONAL)
                .setFacilityId("NW-CLINIC").setBillingProviderNpi("1234567893")
                .setServiceDateFrom(LocalDate.of(2026, 3, 2)).setClaimStatusCode("1")
                .setPayerClaimControlNumber("PCN-1").setChargeAmount(Money.of("140.00")).setAllowedAmount(Money.of(paid))
                .setPaidAmount(Money.of(paid)).setContractualAdjustment(Money.of("140.00").subtract(Money.of(paid)))
                .setOtherAdjustment(Money.ZERO)
                .setPatientResponsibility(new io.revcycle.events.PatientResponsibility(Money.ZERO, Money.ZERO, Money.ZERO,
                        Money.ZERO, Money.ZERO))
                .setAdjustments(List.of()).setTraceNumber("T1").setPaymentMethod("ACH")
                .setPaymentDate(LocalDate.of(2026, 4, 1)).setPostedAt(NOW)
                .setBalanceAfter(Money.of(balanceAfter)).setClaimState(state).build();
    }

    public static Provider billingClinic() {
        return Provider.newBuilder().setNpi("1234567893").setName("NORTHWIND FAMILY MEDICINE")
                .setTaxonomy("207Q00000X").setTaxId("123456789").setAddress(address("100 MAIN ST", "SPRINGFIELD", "IL", "62701"))
                .build();
    }

    static Provider billingHospital() {
        return Provider.newBuilder().setNpi("1987654328").setName("LAKESIDE GENERAL HOSPITAL")
                .setTaxonomy("282N00000X").setTaxId("987654321").setAddress(address("500 LAKE DR", "SPRINGFIELD", "IL", "62702"))
                .build();
    }

    static Provider rendering() {
        return Provider.newBuilder().setNpi("1456789019").setName("CARTER, ANNA").setLastName("CARTER")
                .setFirstName("ANNA").setTaxonomy("207Q00000X").build();
    }

    static Provider attending() {
        return Provider.newBuilder().setNpi("1765432103").setName("OKAFOR, DAVID").setLastName("OKAFOR")
                .setFirstName("DAVID").setTaxonomy("208600000X").build();
    }

    static Facility clinic() {
        return Facility.newBuilder().setFacilityId("NW-CLINIC").setName("NORTHWIND FAMILY MEDICINE")
                .setKind(FacilityKind.CLINIC).setNpi("1234567893").build();
    }

    static Facility hospital() {
        return Facility.newBuilder().setFacilityId("LAKESIDE").setName("LAKESIDE GENERAL HOSPITAL")
                .setKind(FacilityKind.HOSPITAL).setNpi("1987654328").build();
    }

    static Coverage medicare() {
        return Coverage.newBuilder().setSequence(CoverageSequence.PRIMARY).setPayerId("MEDICARE")
                .setPayerName("MEDICARE PART B").setFinancialClass(FinancialClass.MEDICARE)
                .setMemberId("1EG4TE5MK73").setRelationshipToSubscriber("18")
                .setEffectiveFrom(LocalDate.of(2020, 1, 1)).build();
    }

    static Coverage commercialAsDependent() {
        Person subscriber = Person.newBuilder().setFirstName("MARIA").setLastName("DOE")
                .setBirthDate(LocalDate.of(1980, 6, 15)).setSex(AdministrativeSex.FEMALE)
                .setAddress(address("42 ELM ST", "SPRINGFIELD", "IL", "62704")).build();
        return Coverage.newBuilder().setSequence(CoverageSequence.PRIMARY).setPayerId("COMMERCIAL")
                .setPayerName("ACME HEALTH PLAN").setFinancialClass(FinancialClass.COMMERCIAL)
                .setMemberId("ACM123456789").setGroupNumber("GRP7788").setRelationshipToSubscriber("19")
                .setSubscriber(subscriber).setEffectiveFrom(LocalDate.of(2025, 1, 1)).build();
    }

    private static EncounterReceived.Builder baseEncounter(String encounterId, LocalDate from, LocalDate to) {
        boolean inpatient = encounterId.startsWith("ENC-IP");
        Person patient = Person.newBuilder().setFirstName(inpatient ? "LUCAS" : "JOHN").setLastName("DOE")
                .setBirthDate(inpatient ? LocalDate.of(2012, 9, 1) : LocalDate.of(1950, 4, 12))
                .setSex(AdministrativeSex.MALE)
                .setAddress(address("42 ELM ST", "SPRINGFIELD", "IL", "62704")).build();
        return EncounterReceived.newBuilder()
                .setHeader(EventHeaders.create("encounter-ingest", encounterId, null))
                .setEncounterId(encounterId)
                .setEncounterVersion(1)
                .setSourceSystem("EHR")
                .setSourceFormat(SourceFormat.JSON)
                .setContentHash("0".repeat(64))
                .setReceivedAt(NOW)
                .setPatientId(inpatient ? "MRN-2001" : "MRN-1001")
                .setPatient(patient)
                .setBillingProvider(inpatient ? billingHospital() : billingClinic())
                .setServiceDateFrom(from)
                .setServiceDateTo(to);
    }

    private static CodedEncounter coded(EncounterReceived encounter, List<CodedDiagnosis> diagnoses,
                                        List<CodedServiceLine> lines, List<CodedProcedure> procedures) {
        return CodedEncounter.newBuilder()
                .setHeader(EventHeaders.create("coding-service", encounter.getEncounterId(), null))
                .setEncounterId(encounter.getEncounterId())
                .setEncounterVersion(encounter.getEncounterVersion())
                .setEncounter(encounter)
                .setDiagnoses(diagnoses)
                .setServiceLines(lines)
                .setProcedures(procedures)
                .setCodeSetVersion("FY2026")
                .setCodedAt(NOW)
                .build();
    }

    private static CodedDiagnosis diagnosis(int sequence, CodeSystem system, String code) {
        return CodedDiagnosis.newBuilder().setSequence(sequence).setCode(new Code(system, code, null))
                .setSource(CodeSource.DOCUMENTED).build();
    }

    private static CodedServiceLine line(int number, CodeSystem system, String code, List<String> modifiers, int units,
                                         String charge, LocalDate date, List<Integer> pointers, String revenueCode) {
        return CodedServiceLine.newBuilder().setLineNumber(number).setCode(new Code(system, code, null))
                .setModifiers(modifiers).setUnits(units).setChargeAmount(Money.of(charge)).setServiceDate(date)
                .setDiagnosisPointers(pointers).setRevenueCode(revenueCode).setSource(CodeSource.DOCUMENTED).build();
    }

    private static Address address(String line1, String city, String state, String zip) {
        return Address.newBuilder().setLine1(line1).setCity(city).setState(state).setPostalCode(zip).build();
    }
}
