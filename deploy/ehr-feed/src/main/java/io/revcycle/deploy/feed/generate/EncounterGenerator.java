package io.revcycle.deploy.feed.generate;

import io.revcycle.deploy.feed.generate.Practices.Practice;
import io.revcycle.deploy.feed.generate.Practices.Site;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.Address;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.Coverage;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.Diagnosis;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.EncounterClass;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.Facility;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.Patient;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.Procedure;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.Provider;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.Relationship;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.ServiceCodeSystem;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.ServiceLine;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.Sex;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.Subscriber;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Makes up encounters the way a hospital and its clinics document them: office visits with labs,
 * cardiology, diabetes, respiratory and fracture care, prenatal visits, wellness and flu shots,
 * emergency visits, newborn and other inpatient stays; Medicare, commercial PPO, Medicaid and
 * self-pay patients. A share of them carries a documentation gap (coding will ask) or an error
 * (ingest will refuse), each recorded on the encounter with the expected outcome.
 *
 * <p>Deterministic: the same settings (seed and date) give the same sequence of encounters. Clean
 * encounters use codes, diagnosis links and units that pass the coding edits of the starter code
 * sets (coverage policies, NCCI pairs, MUE limits). {@link #next()} is synchronized: the sequence
 * stays the same whichever thread asks.
 */
public final class EncounterGenerator {

    private static final String[] FEMALE = {"Marisol", "Greta", "Tamsin", "Oluwaseun", "Beatrix", "Linnea", "Ximena",
            "Rosalind", "Fenna", "Adaeze", "Wilhelmina", "Soraya", "Clementine", "Ines", "Dagny", "Mirela"};
    private static final String[] MALE = {"Cormac", "Thaddeus", "Emeka", "Lorenzo", "Gunnar", "Ezekiel", "Matthias",
            "Dashiell", "Ignatius", "Kofi", "Bartholomew", "Henrik", "Rufus", "Anatol", "Silvio", "Osric"};
    private static final String[] FAMILY = {"Quintanilla", "Brannigan", "Achterberg", "Vukovich", "Oduya", "Pellegrini",
            "Haverkamp", "Szymanski", "Lindqvist", "Okafor", "Marchbanks", "Duchesne", "Yamamura", "Kettleworth",
            "Abernathy", "Fairweather", "Ostrowski", "Castellane", "Nwachukwu", "Thorsdottir", "Vasquez-Lind",
            "Hollingworth", "Radcliffe", "Belmonte"};
    private static final String[] STREETS = {"Sycamore Ridge Rd", "Kettering Pl", "Orchard Hill Ln", "Lakeshore Blvd",
            "Birchwood Ct", "Quarry Stone Dr", "Meadowlark Way", "Tannery Row", "Old Mill Rd", "Chestnut Hollow"};
    private static final String[][] TOWNS = {{"Millbrook", "43230"}, {"Lakeport", "44107"}, {"Northfield", "44067"},
            {"Fairview Heights", "43017"}, {"Cedar Bend", "45409"}, {"Harrow Falls", "43302"}};

    private final GeneratorSettings settings;
    private final Random random;
    private final Practices practices;
    private final LocalDate today;
    private long sequence;

    public EncounterGenerator(GeneratorSettings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
        this.practices = new Practices(new Random(settings.seed() ^ 0x5DEECE66DL));
        this.today = LocalDate.now(settings.clock());
    }

    /** The next encounter of the sequence. */
    public synchronized SyntheticEncounter next() {
        sequence++;
        String id = settings.idPrefix() + "-" + settings.seed() + "-" + String.format("%06d", sequence);
        double draw = random.nextDouble();
        Expectation expectation = draw < settings.rejectRate() ? Expectation.REJECTED
                : draw < settings.rejectRate() + settings.queryRate() ? Expectation.QUERY : Expectation.ACCEPTED;
        Specialty specialty = specialty(expectation);
        Draft d = new Draft();
        switch (specialty) {
            case PRIMARY_CARE -> primaryCare(d);
            case CARDIOLOGY -> cardiology(d);
            case ENDOCRINE -> endocrine(d);
            case RESPIRATORY -> respiratory(d);
            case ORTHOPEDICS -> orthopedics(d);
            case PRENATAL -> prenatal(d);
            case NEWBORN -> newborn(d);
            case SCREENING -> screening(d);
            case EMERGENCY -> emergency(d);
            case INPATIENT -> inpatient(d);
        }
        Flaw flaw = switch (expectation) {
            case ACCEPTED -> null;
            case QUERY -> documentationGap(d);
            case REJECTED -> error(d);
        };
        return d.build(id, specialty, expectation, flaw);
    }

    /** The next {@code count} encounters. */
    public synchronized List<SyntheticEncounter> next(int count) {
        List<SyntheticEncounter> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(next());
        }
        return out;
    }

    private Specialty specialty(Expectation expectation) {
        // documentation gaps are adult diagnoses; they are not put on a newborn
        Map<Specialty, Integer> weights = settings.specialties();
        int total = 0;
        for (Specialty s : Specialty.values()) {
            total += eligible(s, expectation) ? weights.getOrDefault(s, 0) : 0;
        }
        if (total == 0) {
            return Specialty.PRIMARY_CARE;
        }
        int pick = random.nextInt(total);
        for (Specialty s : Specialty.values()) {
            int w = eligible(s, expectation) ? weights.getOrDefault(s, 0) : 0;
            if (pick < w) {
                return s;
            }
            pick -= w;
        }
        throw new IllegalStateException("weights changed while drawing");
    }

    private static boolean eligible(Specialty s, Expectation expectation) {
        return expectation != Expectation.QUERY || s != Specialty.NEWBORN;
    }

    // ---- kinds of care -------------------------------------------------------------------------

    private void primaryCare(Draft d) {
        office(d, Site.FAMILY_MEDICINE, 18, 92, null);
        List<String[]> problems = new ArrayList<>(List.of(
                new String[]{"I10", "Essential (primary) hypertension"},
                new String[]{"E78.5", null},
                new String[]{"E11.9", "Type 2 diabetes mellitus without complications"},
                new String[]{"R53.83", "Other fatigue"},
                new String[]{"N39.0", "Urinary tract infection, site not specified"}));
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            String[] p = problems.remove(random.nextInt(problems.size()));
            d.diagnosis(p[0], p[1]);
        }
        boolean newPatient = random.nextInt(5) == 0;
        String em = newPatient ? pick("99202", "99203", "99203", "99204", "99205")
                : pick("99212", "99213", "99213", "99214", "99214", "99215");
        d.line(em, 1, d.from, d.allDiagnoses());
        if (random.nextInt(3) > 0) {
            d.line("36415", 1, d.from, List.of(1));
            d.line("80053", 1, d.from, d.sequencesOf("I10", "E78.5", "E11.9", "R53.83", "N39.0"));
            List<Integer> fatigue = d.sequencesOf("R53.83");
            if (!fatigue.isEmpty()) {
                d.line("85025", 1, d.from, fatigue);
            }
        }
        autoCodedHypertension(d);
    }

    private void cardiology(Draft d) {
        office(d, Site.CARDIOLOGY, 45, 92, null);
        String[] principal = pick(new String[]{"I10", "Essential (primary) hypertension"},
                new String[]{"I48.91", null}, new String[]{"R07.9", null},
                new String[]{"I25.10", "Atherosclerotic heart disease of native coronary artery without angina pectoris"});
        d.diagnosis(principal[0], principal[1]);
        if (!principal[0].equals("I10") && random.nextBoolean()) {
            d.diagnosis("I10", "Essential (primary) hypertension");
        }
        d.line(random.nextInt(4) == 0 ? pick("99203", "99204") : pick("99213", "99214", "99215"), 1, d.from, d.allDiagnoses());
        d.line("93000", 1, d.from, List.of(1));
        autoCodedHypertension(d);
    }

    private void endocrine(Draft d) {
        office(d, Site.ENDOCRINOLOGY, 30, 88, null);
        if (random.nextBoolean()) {
            d.diagnosis("E11.65", "Type 2 diabetes mellitus with hyperglycemia");
        } else {
            d.diagnosis("E11.9", "Type 2 diabetes mellitus without complications");
        }
        if (random.nextBoolean()) {
            d.diagnosis("E78.5", null);
        }
        d.line(pick("99213", "99214", "99214", "99215"), 1, d.from, d.allDiagnoses());
        d.line("83036", 1, d.from, List.of(1));
        d.line("36415", 1, d.from, List.of(1));
        if (random.nextBoolean()) {
            d.line("80053", 1, d.from, d.allDiagnoses());
        }
    }

    private void respiratory(Draft d) {
        boolean copd = random.nextBoolean();
        office(d, Site.PULMONOLOGY, copd ? 50 : 18, copd ? 90 : 70, null);
        if (copd) {
            d.diagnosis("J44.1", "Chronic obstructive pulmonary disease with (acute) exacerbation");
        } else {
            d.diagnosis("J45.909", null);
        }
        d.line(pick("99213", "99214", "99215"), 1, d.from, List.of(1));
        d.line("71046", 1, d.from, List.of(1));
        d.line("94640", 1 + random.nextInt(2), d.from, List.of(1));
    }

    private void orthopedics(Draft d) {
        office(d, Site.ORTHOPEDICS, 8, 80, null);
        boolean right = random.nextBoolean();
        fracture(d, right);
        d.line(pick("99203", "99204"), 1, d.from, List.of(1), "25");
        if (random.nextBoolean()) {
            d.line("25600", 1, d.from, List.of(1), right ? "RT" : "LT");
        } else {
            d.line("29125", 1, d.from, List.of(1), right ? "RT" : "LT");
        }
    }

    private void prenatal(Draft d) {
        office(d, Site.WOMENS_HEALTH, 19, 42, Sex.FEMALE);
        int age = d.age();
        int trimester = 1 + random.nextInt(3);
        if (age >= 35) {
            d.diagnosis("O09.52" + trimester, "Supervision of elderly multigravida, "
                    + new String[]{"first", "second", "third"}[trimester - 1] + " trimester");
        } else if (random.nextInt(4) == 0) {
            d.diagnosis("O09.89" + trimester, "Supervision of other high risk pregnancies, "
                    + new String[]{"first", "second", "third"}[trimester - 1] + " trimester");
        } else if (random.nextBoolean()) {
            d.diagnosis("Z34.01", "Encounter for supervision of normal first pregnancy, first trimester");
        } else {
            d.diagnosis("Z34.81", "Encounter for supervision of other normal pregnancy, first trimester");
        }
        d.line(pick("99213", "99214"), 1, d.from, List.of(1));
        if (random.nextBoolean()) {
            d.line("36415", 1, d.from, List.of(1));
            d.line("85025", 1, d.from, List.of(1));
        }
    }

    private void newborn(Draft d) {
        Practice nursery = practices.at(Site.NURSERY);
        LocalDate born = today.minusDays(3 + random.nextInt(30));
        d.hospitalStay(nursery, EncounterClass.INPATIENT, "21", born, born.plusDays(1 + random.nextInt(2)), "4");
        Sex sex = random.nextBoolean() ? Sex.FEMALE : Sex.MALE;
        String family = pick(FAMILY);
        d.patient = new Patient(mrn(), given(sex), null, family, born, sex, address(), phone());
        d.diagnosis("Z38.00", "Single liveborn infant, delivered vaginally", "Y");
        d.line("99221", 1, born, List.of(1));
        d.line("36415", 1, born.plusDays(1), List.of(1));
        if (selfPay(d)) {
            return;
        }
        Payer payer = random.nextBoolean() ? Payer.MEDICAID : Payer.COMMERCIAL_PPO;
        Subscriber mother = new Subscriber(given(Sex.FEMALE), family, born.minusYears(20 + random.nextInt(20)).minusDays(random.nextInt(365)), Sex.FEMALE);
        d.coverages.add(coverage(payer, Relationship.CHILD, mother, born));
    }

    private void screening(Draft d) {
        office(d, Site.FAMILY_MEDICINE, 18, 92, null);
        d.diagnosis("Z00.00", "Encounter for general adult medical examination without abnormal findings");
        boolean vaccine = random.nextInt(10) < 7;
        if (vaccine) {
            d.diagnosis("Z23", "Encounter for immunization");
        }
        boolean medicare = d.coverages.stream().anyMatch(c -> c.payer() == Payer.MEDICARE);
        if (medicare) {
            d.line("G0439", 1, d.from, List.of(1));
        } else {
            d.line("99213", 1, d.from, List.of(1));
            d.line("36415", 1, d.from, List.of(1));
            d.line("80053", 1, d.from, List.of(1));
            d.line("85025", 1, d.from, List.of(1));
        }
        if (vaccine) {
            d.line("90686", 1, d.from, List.of(2));
            d.line("90471", 1, d.from, List.of(2));
        }
    }

    private void emergency(Draft d) {
        Practice ed = practices.at(Site.HOSPITAL_ED);
        LocalDate day = pastDay();
        d.hospitalStay(ed, EncounterClass.EMERGENCY, "23", day, day, null);
        int complaint = random.nextInt(4);
        int minAge = complaint == 1 ? 50 : complaint == 2 ? 6 : 2;
        patientAndCoverage(d, minAge, 92, null);
        switch (complaint) {
            case 0 -> {
                d.diagnosis("R07.9", null);
                d.line(pick("99284", "99285"), 1, day, List.of(1));
                d.line("93000", 1, day, List.of(1));
                d.line("71046", 1, day, List.of(1));
            }
            case 1 -> {
                d.diagnosis("J44.1", "Chronic obstructive pulmonary disease with (acute) exacerbation");
                d.line(pick("99283", "99284"), 1, day, List.of(1));
                d.line("71046", 1, day, List.of(1));
                d.line("94640", 1 + random.nextInt(2), day, List.of(1));
            }
            case 2 -> {
                boolean right = random.nextBoolean();
                fracture(d, right);
                d.line("99283", 1, day, List.of(1));
                d.line("29125", 1, day, List.of(1), right ? "RT" : "LT");
            }
            default -> {
                d.diagnosis("J06.9", null);
                d.line(pick("99281", "99282"), 1, day, List.of(1));
            }
        }
    }

    private void inpatient(Draft d) {
        Practice wards = practices.at(Site.HOSPITAL_WARDS);
        int stay = 2 + random.nextInt(3);
        LocalDate admitted = today.minusDays(stay + 1 + random.nextInt(30));
        LocalDate discharged = admitted.plusDays(stay);
        boolean knee = random.nextBoolean();
        d.hospitalStay(wards, EncounterClass.INPATIENT, "21", admitted, discharged, knee ? "3" : "1");
        patientAndCoverage(d, knee ? 55 : 50, 90, null);
        if (knee) {
            boolean right = random.nextBoolean();
            d.diagnosis(right ? "M17.11" : "M17.12", "Unilateral primary osteoarthritis, " + (right ? "right" : "left") + " knee", "Y");
            d.procedures.add(new Procedure(1, right ? "0SRC0J9" : "0SRD0J9",
                    "Replacement of " + (right ? "right" : "left") + " knee joint with synthetic substitute, cemented", admitted));
            d.line("99222", 1, admitted, List.of(1));
            d.line("36415", 1, admitted, List.of(1));
            for (LocalDate day = admitted.plusDays(1); !day.isAfter(discharged); day = day.plusDays(1)) {
                d.line("97110", 2, day, List.of(1));
            }
        } else {
            d.diagnosis("J44.1", "Chronic obstructive pulmonary disease with (acute) exacerbation", "Y");
            d.line("99223", 1, admitted, List.of(1));
            d.line("71046", 1, admitted, List.of(1));
            d.line("36415", 1, admitted, List.of(1));
            for (LocalDate day = admitted; day.isBefore(discharged); day = day.plusDays(1)) {
                d.line("94640", 2, day, List.of(1));
            }
        }
    }

    private void fracture(Draft d, boolean right) {
        d.diagnosis(right ? "S52.521A" : "S52.522A", "Torus fracture of lower end of " + (right ? "right" : "left")
                + " radius, initial encounter for closed fracture");
    }

    /** "HTN" written as text only: computer-assisted coding codes it with confidence (no query). */
    private void autoCodedHypertension(Draft d) {
        if (d.age() >= 40 && d.sequencesOf("I10").isEmpty() && random.nextInt(8) == 0) {
            d.diagnosis(null, "HTN");
        }
    }

    // ---- gaps and errors -----------------------------------------------------------------------

    private Flaw documentationGap(Draft d) {
        if (d.age() >= 50 && random.nextBoolean()) {
            d.diagnosis("I50.9", "chronic diastolic congestive heart failure");
            return Flaw.UNSPECIFIED_CODE;
        }
        d.diagnosis(null, d.age() >= 50 && random.nextBoolean() ? "CHF" : "asthma");
        return Flaw.DIAGNOSIS_TEXT_ONLY;
    }

    private Flaw error(Draft d) {
        Flaw flaw = pick(Flaw.BAD_NPI_CHECK_DIGIT, Flaw.FUTURE_SERVICE_DATE, Flaw.MISSING_COVERAGE);
        switch (flaw) {
            case BAD_NPI_CHECK_DIGIT -> d.replaceClinicianNpi(Npis.withWrongCheckDigit(d.clinician.npi(), random));
            case FUTURE_SERVICE_DATE -> d.shiftDays(ChronoUnit.DAYS.between(d.from, today.plusDays(3 + random.nextInt(20))));
            case MISSING_COVERAGE -> {
                d.coverages.clear();
                d.selfPay = false;
            }
            default -> throw new IllegalStateException(flaw.name());
        }
        return flaw;
    }

    // ---- people and coverage -------------------------------------------------------------------

    private void office(Draft d, Site site, int minAge, int maxAge, Sex sex) {
        Practice practice = practices.at(site);
        d.billing = practice.billing();
        d.facility = practice.facility();
        d.clinician = practice.clinician(random);
        d.encounterClass = EncounterClass.AMBULATORY;
        d.placeOfService = "11";
        d.from = pastDay();
        d.to = d.from;
        patientAndCoverage(d, minAge, maxAge, sex);
    }

    private void patientAndCoverage(Draft d, int minAge, int maxAge, Sex sex) {
        Sex s = sex != null ? sex : random.nextBoolean() ? Sex.FEMALE : Sex.MALE;
        int age = minAge + random.nextInt(maxAge - minAge + 1);
        LocalDate birth = d.from.minusYears(age).minusDays(1 + random.nextInt(364));
        String middle = random.nextInt(3) == 0 ? given(s) : null;
        d.patient = new Patient(mrn(), given(s), middle, pick(FAMILY), birth, s, address(), phone());
        if (selfPay(d)) {
            return;
        }
        Payer payer = age >= 65 ? (random.nextInt(100) < 85 ? Payer.MEDICARE : Payer.COMMERCIAL_PPO)
                : (random.nextInt(100) < 60 ? Payer.COMMERCIAL_PPO : Payer.MEDICAID);
        LocalDate effective = LocalDate.of(d.from.getYear(), 1, 1);
        if (payer == Payer.COMMERCIAL_PPO && age >= 18 && random.nextInt(6) == 0) {
            Sex other = s == Sex.FEMALE ? Sex.MALE : Sex.FEMALE;
            Subscriber spouse = new Subscriber(given(other), d.patient.lastName(),
                    birth.plusDays(random.nextInt(2000) - 1000), other);
            d.coverages.add(coverage(payer, Relationship.SPOUSE, spouse, effective));
        } else {
            d.coverages.add(coverage(payer, Relationship.SELF, null, effective));
        }
    }

    private boolean selfPay(Draft d) {
        d.selfPay = random.nextDouble() < settings.selfPayRate();
        return d.selfPay;
    }

    private Coverage coverage(Payer payer, Relationship relationship, Subscriber subscriber, LocalDate effective) {
        String member = switch (payer) {
            case MEDICARE -> medicareBeneficiaryId();
            case COMMERCIAL_PPO -> "PPO" + digits(9);
            case MEDICAID -> "MCD" + digits(8);
        };
        String group = payer == Payer.COMMERCIAL_PPO ? "GRP-" + digits(5) : null;
        return new Coverage(payer, payer.planName(), member, group, relationship, subscriber, effective);
    }

    /** The shape of a Medicare Beneficiary Identifier (digits and letters in their positions, no S L O I B Z). */
    private String medicareBeneficiaryId() {
        String letters = "ACDEFGHJKMNPQRTUVWXY";
        String alnum = letters + "0123456789";
        StringBuilder mbi = new StringBuilder();
        mbi.append(1 + random.nextInt(9)).append(letters.charAt(random.nextInt(letters.length())))
                .append(alnum.charAt(random.nextInt(alnum.length()))).append(random.nextInt(10))
                .append(letters.charAt(random.nextInt(letters.length()))).append(alnum.charAt(random.nextInt(alnum.length())))
                .append(random.nextInt(10)).append(letters.charAt(random.nextInt(letters.length())))
                .append(letters.charAt(random.nextInt(letters.length()))).append(random.nextInt(10)).append(random.nextInt(10));
        return mbi.toString();
    }

    private LocalDate pastDay() {
        return today.minusDays(1 + random.nextInt(30));
    }

    private String mrn() {
        return "MRN-" + digits(7);
    }

    private String given(Sex sex) {
        return pick(sex == Sex.FEMALE ? FEMALE : MALE);
    }

    private Address address() {
        String[] town = pick(TOWNS);
        String line2 = random.nextInt(5) == 0 ? "Apt " + (1 + random.nextInt(30)) + pick("A", "B", "C") : null;
        return new Address((10 + random.nextInt(9980)) + " " + pick(STREETS), line2, town[0], "OH", town[1]);
    }

    private String phone() {
        // 555-01xx numbers are reserved for fiction
        return pick("216", "330", "419", "440", "614", "937") + "-555-01" + digits(2);
    }

    private String digits(int count) {
        StringBuilder s = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            s.append(random.nextInt(10));
        }
        return s.toString();
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    /** An encounter being put together. */
    private final class Draft {
        Patient patient;
        boolean selfPay;
        final List<Coverage> coverages = new ArrayList<>();
        Provider billing;
        Provider clinician;
        boolean attending;
        Facility facility;
        String placeOfService;
        EncounterClass encounterClass;
        LocalDate from;
        LocalDate to;
        LocalDate admission;
        LocalDate discharge;
        String admissionType;
        String dischargeStatus;
        final List<Diagnosis> diagnoses = new ArrayList<>();
        final List<ServiceLine> lines = new ArrayList<>();
        final List<Procedure> procedures = new ArrayList<>();

        void hospitalStay(Practice practice, EncounterClass kind, String pos, LocalDate start, LocalDate end, String type) {
            billing = practice.billing();
            facility = practice.facility();
            clinician = practice.clinician(random);
            attending = true;
            encounterClass = kind;
            placeOfService = pos;
            from = start;
            to = end;
            if (kind == EncounterClass.INPATIENT) {
                admission = start;
                discharge = end;
                admissionType = type;
                dischargeStatus = "01";
            }
        }

        int age() {
            return (int) ChronoUnit.YEARS.between(patient.birthDate(), from);
        }

        void diagnosis(String code, String text) {
            diagnosis(code, text, null);
        }

        void diagnosis(String code, String text, String presentOnAdmission) {
            diagnoses.add(new Diagnosis(diagnoses.size() + 1, code, text, presentOnAdmission));
        }

        /** Sequences of the coded diagnoses, at most four (a line links up to four). */
        List<Integer> allDiagnoses() {
            return diagnoses.stream().filter(x -> x.code() != null).map(Diagnosis::sequence).limit(4).toList();
        }

        List<Integer> sequencesOf(String... codes) {
            List<String> wanted = List.of(codes);
            return diagnoses.stream().filter(x -> wanted.contains(x.code())).map(Diagnosis::sequence).toList();
        }

        void line(String code, int units, LocalDate date, List<Integer> pointers, String... modifiers) {
            boolean hospital = facility.kind() == SyntheticEncounter.FacilityKind.HOSPITAL;
            ServiceCodeSystem system = Character.isLetter(code.charAt(0)) ? ServiceCodeSystem.HCPCS : ServiceCodeSystem.CPT;
            lines.add(new ServiceLine(lines.size() + 1, code, system, List.of(modifiers), units,
                    Chargemaster.charge(code, units, hospital), date, hospital ? RevenueCodes.of(code) : null,
                    List.copyOf(pointers), clinician.npi()));
        }

        void replaceClinicianNpi(String npi) {
            clinician = new Provider(npi, null, clinician.lastName(), clinician.firstName(), clinician.taxonomy(), null, null);
            lines.replaceAll(l -> new ServiceLine(l.lineNumber(), l.code(), l.system(), l.modifiers(), l.units(), l.charge(),
                    l.serviceDate(), l.revenueCode(), l.diagnosisSequences(), npi));
        }

        void shiftDays(long days) {
            from = from.plusDays(days);
            to = to.plusDays(days);
            admission = admission == null ? null : admission.plusDays(days);
            discharge = discharge == null ? null : discharge.plusDays(days);
            lines.replaceAll(l -> new ServiceLine(l.lineNumber(), l.code(), l.system(), l.modifiers(), l.units(), l.charge(),
                    l.serviceDate().plusDays(days), l.revenueCode(), l.diagnosisSequences(), l.renderingProviderNpi()));
            procedures.replaceAll(p -> new Procedure(p.sequence(), p.code(), p.text(), p.date().plusDays(days)));
        }

        SyntheticEncounter build(String id, Specialty specialty, Expectation expectation, Flaw flaw) {
            return new SyntheticEncounter(id, specialty, expectation, flaw, patient, selfPay, List.copyOf(coverages),
                    billing, clinician, attending ? clinician : null, facility, placeOfService, encounterClass,
                    from, to, admission, discharge, admissionType, dischargeStatus,
                    List.copyOf(diagnoses), List.copyOf(lines), List.copyOf(procedures));
        }
    }
}
