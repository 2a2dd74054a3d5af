package io.revcycle.ingest.validation;

import io.revcycle.schemas.Npi;
import io.revcycle.events.AdministrativeSex;
import io.revcycle.events.CoverageSequence;
import io.revcycle.events.EncounterClass;
import io.revcycle.events.FacilityKind;
import io.revcycle.events.FinancialClass;
import io.revcycle.ingest.encounter.EncounterSubmission;
import io.revcycle.ingest.encounter.EncounterSubmission.Address;
import io.revcycle.ingest.encounter.EncounterSubmission.Coverage;
import io.revcycle.ingest.encounter.EncounterSubmission.Diagnosis;
import io.revcycle.ingest.encounter.EncounterSubmission.Patient;
import io.revcycle.ingest.encounter.EncounterSubmission.Procedure;
import io.revcycle.ingest.encounter.EncounterSubmission.Provider;
import io.revcycle.ingest.encounter.EncounterSubmission.Service;
import io.revcycle.schemas.Money;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules every encounter must pass whatever format it came in. Field paths use the JSON
 * model's notation ({@code services[1].chargeAmount}); format adapters translate them.
 * Collects every problem rather than stopping at the first.
 */
public final class EncounterValidator {

    private static final Pattern EIN = Pattern.compile("\\d{9}");
    private static final Pattern TWO_DIGITS = Pattern.compile("\\d{2}");
    private static final Pattern STATE = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern ZIP = Pattern.compile("\\d{5}(-?\\d{4})?");
    private static final Set<String> RELATIONSHIPS = Set.of("18", "01", "19", "G8", "20", "21", "39", "40", "53");

    private final Clock clock;

    public EncounterValidator(Clock clock) {
        this.clock = clock;
    }

    /** Every problem of the submission; empty when it may be published. */
    public List<Problem> validate(EncounterSubmission e) {
        Check c = new Check(LocalDate.now(clock));
        if (e == null) {
            c.add(Rule.REQUIRED, "", "body is required");
            return c.problems;
        }
        c.required("encounterId", e.encounterId());
        c.required("patientId", e.patientId());
        LocalDate from = c.date("serviceDateFrom", e.serviceDateFrom(), true);
        LocalDate to = c.date("serviceDateTo", e.serviceDateTo(), false);
        c.notFuture("serviceDateFrom", from);
        c.notFuture("serviceDateTo", to);
        if (from != null && to != null && to.isBefore(from)) {
            c.add(Rule.DATE_ORDER, "serviceDateTo", "must not be before serviceDateFrom");
        }
        LocalDate end = to != null ? to : from;

        if (c.present("patient", e.patient())) {
            LocalDate birth = person(c, "patient", e.patient());
            if (birth != null && from != null && birth.isAfter(from)) {
                c.add(Rule.BIRTH_AFTER_SERVICE, "patient.birthDate", "must not be after serviceDateFrom");
            }
        }
        coverages(c, e);
        if (c.present("billingProvider", e.billingProvider())) {
            provider(c, "billingProvider", e.billingProvider());
            c.required("billingProvider.taxId", e.billingProvider().taxId());
            if (e.billingProvider().taxId() != null && !e.billingProvider().taxId().isBlank()
                    && !EIN.matcher(e.billingProvider().taxId().replace("-", "")).matches()) {
                c.add(Rule.FORMAT, "billingProvider.taxId", "must be a 9-digit EIN");
            }
        }
        optionalProvider(c, "renderingProvider", e.renderingProvider());
        optionalProvider(c, "referringProvider", e.referringProvider());
        optionalProvider(c, "attendingProvider", e.attendingProvider());
        if (c.present("facility", e.facility())) {
            c.required("facility.facilityId", e.facility().facilityId());
            c.required("facility.name", e.facility().name());
            c.npi("facility.npi", e.facility().npi(), false);
            c.symbol("facility.kind", e.facility().kind(), FacilityKind.class, false);
            address(c, "facility.address", e.facility().address());
        }
        if (c.required("placeOfService", e.placeOfService()) && !TWO_DIGITS.matcher(e.placeOfService()).matches()) {
            c.add(Rule.FORMAT, "placeOfService", "must be two digits");
        }
        c.symbol("encounterClass", e.encounterClass(), EncounterClass.class, true);
        LocalDate admitted = c.date("admissionDate", e.admissionDate(), false);
        LocalDate discharged = c.date("dischargeDate", e.dischargeDate(), false);
        c.notFuture("admissionDate", admitted);
        c.notFuture("dischargeDate", discharged);
        if (admitted != null && discharged != null && discharged.isBefore(admitted)) {
            c.add(Rule.DATE_ORDER, "dischargeDate", "must not be before admissionDate");
        }
        Set<Integer> sequences = diagnoses(c, e.diagnoses());
        services(c, e, sequences, from, end);
        procedures(c, e.procedures());
        return c.problems;
    }

    private static LocalDate person(Check c, String path, Patient p) {
        c.required(path + ".firstName", p.firstName());
        c.required(path + ".lastName", p.lastName());
        LocalDate birth = c.date(path + ".birthDate", p.birthDate(), true);
        if (birth != null && birth.isAfter(c.today)) {
            c.add(Rule.DATE_IN_FUTURE, path + ".birthDate", "must not be in the future");
        }
        if (c.required(path + ".sex", p.sex()) && AdministrativeSexes.parse(p.sex()) == null) {
            c.add(Rule.UNKNOWN_VALUE, path + ".sex", "must be one of " + Arrays.toString(AdministrativeSex.values()));
        }
        address(c, path + ".address", p.address());
        return birth;
    }

    private static void address(Check c, String path, Address a) {
        if (a == null) {
            return;
        }
        c.required(path + ".line1", a.line1());
        c.required(path + ".city", a.city());
        if (c.required(path + ".state", a.state()) && !STATE.matcher(a.state()).matches()) {
            c.add(Rule.FORMAT, path + ".state", "must be a two-letter state code");
        }
        if (c.required(path + ".postalCode", a.postalCode()) && !ZIP.matcher(a.postalCode()).matches()) {
            c.add(Rule.FORMAT, path + ".postalCode", "must be a 5 or 9 digit ZIP code");
        }
    }

    private static void coverages(Check c, EncounterSubmission e) {
        List<Coverage> coverages = e.coverages() == null ? List.of() : e.coverages();
        if (!Boolean.TRUE.equals(e.selfPay()) && coverages.isEmpty()) {
            c.add(Rule.COVERAGE_REQUIRED, "coverages", "at least one coverage is required unless selfPay is true");
        }
        if (coverages.size() > CoverageSequence.values().length) {
            c.add(Rule.FORMAT, "coverages", "at most " + CoverageSequence.values().length + " coverages");
        }
        for (int i = 0; i < coverages.size(); i++) {
            String path = "coverages[" + i + "]";
            Coverage cov = coverages.get(i);
            if (!c.present(path, cov)) {
                continue;
            }
            c.symbol(path + ".sequence", cov.sequence(), CoverageSequence.class, false);
            c.required(path + ".payerId", cov.payerId());
            c.required(path + ".payerName", cov.payerName());
            c.symbol(path + ".financialClass", cov.financialClass(), FinancialClass.class, true);
            c.required(path + ".memberId", cov.memberId());
            if (cov.relationshipToSubscriber() != null && !RELATIONSHIPS.contains(cov.relationshipToSubscriber())) {
                c.add(Rule.UNKNOWN_VALUE, path + ".relationshipToSubscriber", "must be an X12 individual relationship code");
            }
            if (cov.subscriber() != null) {
                person(c, path + ".subscriber", cov.subscriber());
            }
            LocalDate effectiveFrom = c.date(path + ".effectiveFrom", cov.effectiveFrom(), false);
            LocalDate effectiveTo = c.date(path + ".effectiveTo", cov.effectiveTo(), false);
            if (effectiveFrom != null && effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
                c.add(Rule.DATE_ORDER, path + ".effectiveTo", "must not be before effectiveFrom");
            }
        }
    }

    private static void provider(Check c, String path, Provider p) {
        c.npi(path + ".npi", p.npi(), true);
        c.required(path + ".name", p.name());
        address(c, path + ".address", p.address());
    }

    private static void optionalProvider(Check c, String path, Provider p) {
        if (p != null) {
            provider(c, path, p);
        }
    }

    private static Set<Integer> diagnoses(Check c, List<Diagnosis> diagnoses) {
        Set<Integer> sequences = new HashSet<>();
        if (diagnoses == null) {
            return sequences;
        }
        for (int i = 0; i < diagnoses.size(); i++) {
            String path = "diagnoses[" + i + "]";
            Diagnosis d = diagnoses.get(i);
            if (!c.present(path, d)) {
                continue;
            }
            int sequence = d.sequence() != null ? d.sequence() : i + 1;
            if (sequence < 1 || !sequences.add(sequence)) {
                c.add(Rule.FORMAT, path + ".sequence", "must be a positive number, unique in the encounter");
            }
            if (blank(d.code()) && blank(d.text())) {
                c.add(Rule.REQUIRED, path + ".code", "a code or a text is required");
            } else if (!blank(d.code()) && !CodeShapes.isIcd10Cm(d.code().trim())) {
                c.add(Rule.CODE_FORMAT, path + ".code", "must have the shape of an ICD-10-CM code (e.g. E11.9)");
            }
        }
        return sequences;
    }

    private static void services(Check c, EncounterSubmission e, Set<Integer> diagnosisSequences,
                                 LocalDate from, LocalDate to) {
        List<Service> services = e.services() == null ? List.of() : e.services();
        if (services.isEmpty()) {
            c.add(Rule.REQUIRED, "services", "at least one service line is required");
        }
        BigDecimal total = BigDecimal.ZERO;
        boolean totalReadable = true;
        for (int i = 0; i < services.size(); i++) {
            String path = "services[" + i + "]";
            Service s = services.get(i);
            if (!c.present(path, s)) {
                totalReadable = false;
                continue;
            }
            serviceCode(c, path, s);
            if (s.modifiers() != null) {
                for (int m = 0; m < s.modifiers().size(); m++) {
                    if (!CodeShapes.isModifier(s.modifiers().get(m))) {
                        c.add(Rule.CODE_FORMAT, path + ".modifiers[" + m + "]", "must be two letters or digits");
                    }
                }
            }
            if (s.units() == null || s.units() < 1) {
                c.add(Rule.UNITS, path + ".units", "must be at least 1");
            }
            if (c.charge(path + ".chargeAmount", s.chargeAmount(), true)) {
                total = total.add(s.chargeAmount());
            } else {
                totalReadable = false;
            }
            LocalDate date = c.date(path + ".serviceDate", s.serviceDate(), false);
            if (date != null && from != null && to != null && (date.isBefore(from) || date.isAfter(to))) {
                c.add(Rule.SERVICE_DATE_OUTSIDE_ENCOUNTER, path + ".serviceDate",
                        "must lie between serviceDateFrom and serviceDateTo");
            }
            if (s.diagnosisSequences() != null) {
                for (int d = 0; d < s.diagnosisSequences().size(); d++) {
                    if (!diagnosisSequences.contains(s.diagnosisSequences().get(d))) {
                        c.add(Rule.REFERENCE, path + ".diagnosisSequences[" + d + "]", "names no diagnosis of the encounter");
                    }
                }
            }
            c.npi(path + ".renderingProviderNpi", s.renderingProviderNpi(), false);
        }
        if (e.totalCharge() != null && c.charge("totalCharge", e.totalCharge(), false)
                && totalReadable && e.totalCharge().compareTo(total) != 0) {
            c.add(Rule.TOTAL_CHARGE, "totalCharge", "must equal the sum of the service charges");
        }
    }

    private static void serviceCode(Check c, String path, Service s) {
        if (blank(s.code())) {
            if (blank(s.text())) {
                c.add(Rule.REQUIRED, path + ".code", "a code or a text is required");
            }
            return;
        }
        String code = s.code().trim();
        String system = s.codeSystem() == null ? null : s.codeSystem().trim().toUpperCase(Locale.ROOT);
        if (system == null) {
            if (!CodeShapes.isCpt(code) && !CodeShapes.isHcpcs(code)) {
                c.add(Rule.CODE_FORMAT, path + ".code", "must have the shape of a CPT or HCPCS code");
            }
        } else if (system.equals("CPT")) {
            if (!CodeShapes.isCpt(code)) {
                c.add(Rule.CODE_FORMAT, path + ".code", "must have the shape of a CPT code (5 digits, or 4 digits and F or T)");
            }
        } else if (system.equals("HCPCS")) {
            if (!CodeShapes.isHcpcs(code)) {
                c.add(Rule.CODE_FORMAT, path + ".code", "must have the shape of a HCPCS code (a letter and 4 digits)");
            }
        } else {
            c.add(Rule.UNKNOWN_VALUE, path + ".codeSystem", "must be CPT or HCPCS");
        }
    }

    private static void procedures(Check c, List<Procedure> procedures) {
        if (procedures == null) {
            return;
        }
        for (int i = 0; i < procedures.size(); i++) {
            String path = "procedures[" + i + "]";
            Procedure p = procedures.get(i);
            if (!c.present(path, p)) {
                continue;
            }
            if (blank(p.code()) && blank(p.text())) {
                c.add(Rule.REQUIRED, path + ".code", "a code or a text is required");
            } else if (!blank(p.code()) && !CodeShapes.isIcd10Pcs(p.code().trim())) {
                c.add(Rule.CODE_FORMAT, path + ".code", "must have the shape of an ICD-10-PCS code (7 characters)");
            }
            c.notFuture(path + ".date", c.date(path + ".date", p.date(), true));
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Parses an ISO date as the validator does; null when absent or unreadable. */
    public static LocalDate parseDate(String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException ex) {
            return null;
        }
    }

    /** Collects problems; each check reports whether the value is usable. */
    private static final class Check {
        final LocalDate today;
        final List<Problem> problems = new ArrayList<>();

        Check(LocalDate today) {
            this.today = today;
        }

        void add(Rule rule, String field, String message) {
            problems.add(new Problem(rule, field, message));
        }

        boolean present(String field, Object value) {
            if (value == null) {
                add(Rule.REQUIRED, field, "is required");
                return false;
            }
            return true;
        }

        boolean required(String field, String value) {
            if (blank(value)) {
                add(Rule.REQUIRED, field, "is required");
                return false;
            }
            return true;
        }

        LocalDate date(String field, String value, boolean required) {
            if (blank(value)) {
                if (required) {
                    add(Rule.REQUIRED, field, "is required");
                }
                return null;
            }
            LocalDate date = parseDate(value);
            if (date == null) {
                add(Rule.FORMAT, field, "must be a date (yyyy-MM-dd)");
            }
            return date;
        }

        void notFuture(String field, LocalDate date) {
            if (date != null && date.isAfter(today)) {
                add(Rule.DATE_IN_FUTURE, field, "must not be in the future");
            }
        }

        void npi(String field, String value, boolean required) {
            if (blank(value)) {
                if (required) {
                    add(Rule.REQUIRED, field, "is required");
                }
                return;
            }
            if (!Npi.hasShape(value.trim())) {
                add(Rule.FORMAT, field, "must be 10 digits");
            } else if (!Npi.isValid(value.trim())) {
                add(Rule.NPI_CHECK_DIGIT, field, "check digit does not match (Luhn with prefix 80840)");
            }
        }

        <E extends Enum<E>> void symbol(String field, String value, Class<E> symbols, boolean required) {
            if (blank(value)) {
                if (required) {
                    add(Rule.REQUIRED, field, "is required");
                }
                return;
            }
            try {
                Enum.valueOf(symbols, value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                add(Rule.UNKNOWN_VALUE, field, "must be one of " + Arrays.toString(symbols.getEnumConstants()));
            }
        }

        boolean charge(String field, BigDecimal amount, boolean required) {
            if (amount == null) {
                if (required) {
                    add(Rule.REQUIRED, field, "is required");
                }
                return false;
            }
            if (amount.signum() < 0) {
                add(Rule.CHARGE_NEGATIVE, field, "must not be negative");
                return false;
            }
            try {
                Money.of(amount);
                return true;
            } catch (ArithmeticException ex) {
                add(Rule.CHARGE_PRECISION, field, "must have at most two decimals and fit decimal(12,2)");
                return false;
            }
        }
    }
}
