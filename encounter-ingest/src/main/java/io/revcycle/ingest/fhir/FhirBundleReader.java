package io.revcycle.ingest.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import io.revcycle.ingest.encounter.EncounterSubmission;
import io.revcycle.ingest.encounter.FacilityKinds;
import io.revcycle.ingest.validation.CodeShapes;
import io.revcycle.ingest.validation.Problem;
import io.revcycle.ingest.validation.Rule;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an R4 Bundle (transaction, collection or message) into an {@link EncounterSubmission},
 * recording for each submission field the FHIRPath it came from so validation problems can be
 * answered in FHIR terms. Structural problems (not a Bundle, no Patient) are returned directly.
 *
 * <p>Where things are read: Patient (identifier MR or first → patientId), Encounter (identifier or
 * id, class, period, participant ATND/PPRF/REF, serviceProvider = billing Organization, location →
 * Location with a place-of-service type), Coverage (payor Organization, order, type, relationship,
 * class group/plan; a Coverage paid by the Patient means self-pay), Condition (ICD-10-CM coding),
 * ChargeItem (CPT/HCPCS code, quantity, priceOverride, occurrence, performer, service → Procedure)
 * and Procedure (CPT/HCPCS without a ChargeItem is refused for lack of a price; ICD-10-PCS becomes
 * an inpatient procedure).
 */
public final class FhirBundleReader {

    static final String NPI = "http://hl7.org/fhir/sid/us-npi";
    static final String EIN = "urn:oid:2.16.840.1.113883.4.4";
    static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    static final String ICD10PCS = "http://www.cms.gov/Medicare/Coding/ICD10";
    static final String CPT = "http://www.ama-assn.org/go/cpt";
    static final String HCPCS = "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
    static final String PLACE_OF_SERVICE = "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set";
    static final String SOURCE_OF_PAYMENT = "https://nahdo.org/sopt";
    static final String FINANCIAL_CLASS = "urn:revcycle:financial-class";

    private static final Set<Bundle.BundleType> ACCEPTED_TYPES =
            Set.of(Bundle.BundleType.TRANSACTION, Bundle.BundleType.COLLECTION, Bundle.BundleType.MESSAGE);

    /** The submission read from the bundle (null when structurally unusable), its field paths, and structural problems. */
    public record Reading(EncounterSubmission submission, Map<String, String> paths, List<Problem> problems) {
    }

    private final FhirContext fhir;

    /** @param fhir the process's one R4 context (expensive to create, thread-safe) */
    public FhirBundleReader(FhirContext fhir) {
        this.fhir = fhir;
    }

    /** Reads the bundle's JSON text. */
    public Reading read(String json) {
        IParser parser = fhir.newJsonParser();
        parser.setParserErrorHandler(new LenientErrorHandler(false).setErrorOnInvalidValue(false));
        IBaseResource resource;
        try {
            resource = parser.parseResource(json);
        } catch (DataFormatException | IllegalArgumentException ex) {
            return refused(new Problem(Rule.SYNTAX, "Bundle", "not a readable FHIR R4 JSON resource"));
        }
        if (!(resource instanceof Bundle bundle)) {
            return refused(new Problem(Rule.SYNTAX, "resourceType",
                    "resource is a " + resource.fhirType() + ", expected a Bundle"));
        }
        if (!ACCEPTED_TYPES.contains(bundle.getType())) {
            return refused(new Problem(Rule.UNKNOWN_VALUE, "Bundle.type", "must be transaction, collection or message"));
        }
        return new Mapping(bundle).read();
    }

    private static Reading refused(Problem problem) {
        return new Reading(null, Map.of(), List.of(problem));
    }

    /** One bundle being read: its resources by reference and where each came from. */
    private static final class Mapping {
        private final Bundle bundle;
        private final Map<String, Resource> byReference = new HashMap<>();
        private final Map<Resource, String> pathOf = new HashMap<>();
        private final Map<String, String> paths = new LinkedHashMap<>();
        private final List<Problem> problems = new ArrayList<>();

        Mapping(Bundle bundle) {
            this.bundle = bundle;
            for (int i = 0; i < bundle.getEntry().size(); i++) {
                Bundle.BundleEntryComponent entry = bundle.getEntry().get(i);
                Resource r = entry.getResource();
                if (r == null) {
                    continue;
                }
                pathOf.put(r, "Bundle.entry[" + i + "].resource.ofType(" + r.fhirType() + ")");
                if (entry.hasFullUrl()) {
                    byReference.put(entry.getFullUrl(), r);
                }
                if (r.hasIdElement() && r.getIdElement().hasIdPart()) {
                    byReference.put(r.fhirType() + "/" + r.getIdElement().getIdPart(), r);
                }
            }
        }

        Reading read() {
            Patient patient = single(Patient.class);
            Encounter encounter = single(Encounter.class);
            if (patient == null || encounter == null) {
                return new Reading(null, Map.of(), problems);
            }
            String pp = pathOf.get(patient);
            String ep = pathOf.get(encounter);
            map("patient", pp);
            map("patientId", pp + ".identifier");
            map("encounterId", ep + ".identifier");
            map("serviceDateFrom", ep + ".period.start");
            map("serviceDateTo", ep + ".period.end");
            map("encounterClass", ep + ".class");
            map("admissionDate", ep + ".period.start");
            map("dischargeDate", ep + ".period.end");
            map("admissionType", ep + ".priority");
            map("dischargeStatus", ep + ".hospitalization.dischargeDisposition");
            map("placeOfService", ep + ".location");
            map("facility", ep + ".location");
            map("billingProvider", ep + ".serviceProvider");
            map("coverages", "Bundle.entry.resource.ofType(Coverage)");
            map("services", "Bundle.entry.resource.ofType(ChargeItem)");
            map("diagnoses", "Bundle.entry.resource.ofType(Condition)");

            List<EncounterSubmission.Coverage> coverages = new ArrayList<>();
            boolean selfPay = false;
            for (Coverage c : all(Coverage.class)) {
                if (paidByPatient(c)) {
                    selfPay = true;
                } else {
                    coverages.add(coverage(c, "coverages[" + coverages.size() + "]"));
                }
            }
            Participants participants = participants(encounter, ep);
            List<EncounterSubmission.Diagnosis> diagnoses = diagnoses();
            List<EncounterSubmission.Service> services = new ArrayList<>();
            List<EncounterSubmission.Procedure> procedures = new ArrayList<>();
            services(diagnoses, services);
            procedures(services, procedures);
            Location location = encounter.getLocationFirstRep().hasLocation()
                    ? resolve(encounter.getLocationFirstRep().getLocation(), Location.class) : null;
            Organization billing = billingOrganization(encounter);
            String placeOfService = placeOfService(location, encounter);
            String encounterClass = encounterClass(encounter);
            boolean inpatient = "INPATIENT".equals(encounterClass);
            String start = datePart(raw(encounter.getPeriod().getStartElement()));
            String end = datePart(raw(encounter.getPeriod().getEndElement()));
            EncounterSubmission submission = new EncounterSubmission(
                    encounterId(encounter),
                    patientId(patient),
                    person(patient, "patient", pp),
                    selfPay,
                    coverages,
                    billing == null ? null : organization(billing, "billingProvider"),
                    participants.rendering, participants.referring, participants.attending,
                    facility(location, billing, FacilityKinds.fromPlaceOfService(placeOfService)),
                    placeOfService,
                    encounterClass,
                    start,
                    end,
                    inpatient ? start : null,
                    inpatient ? end : null,
                    inpatient ? admissionType(encounter) : null,
                    inpatient ? dischargeStatus(encounter) : null,
                    diagnoses, services, procedures, null);
            return new Reading(submission, paths, problems);
        }

        private <R extends Resource> List<R> all(Class<R> type) {
            List<R> found = new ArrayList<>();
            for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
                if (type.isInstance(e.getResource())) {
                    found.add(type.cast(e.getResource()));
                }
            }
            return found;
        }

        private <R extends Resource> R single(Class<R> type) {
            List<R> found = all(type);
            String name = type.getSimpleName();
            if (found.isEmpty()) {
                problems.add(new Problem(Rule.REQUIRED, "Bundle.entry.resource.ofType(" + name + ")", "the bundle has no " + name));
                return null;
            }
            if (found.size() > 1) {
                problems.add(new Problem(Rule.FORMAT, "Bundle.entry.resource.ofType(" + name + ")", "the bundle has more than one " + name));
                return null;
            }
            return found.get(0);
        }

        private <R extends Resource> R resolve(Reference reference, Class<R> type) {
            if (reference == null || !reference.hasReference()) {
                return null;
            }
            Resource r = byReference.get(reference.getReference());
            return type.isInstance(r) ? type.cast(r) : null;
        }

        private void map(String field, String fhirPath) {
            paths.put(field, fhirPath);
        }

        private static String encounterId(Encounter e) {
            if (e.hasIdentifier() && e.getIdentifierFirstRep().hasValue()) {
                return e.getIdentifierFirstRep().getValue();
            }
            return e.hasIdElement() ? e.getIdElement().getIdPart() : null;
        }

        private static String patientId(Patient p) {
            for (Identifier id : p.getIdentifier()) {
                if (id.getType().getCoding().stream().anyMatch(c -> "MR".equals(c.getCode()))) {
                    return id.getValue();
                }
            }
            return p.hasIdentifier() ? p.getIdentifierFirstRep().getValue() : null;
        }

        private EncounterSubmission.Patient person(Patient p, String field, String path) {
            HumanName name = p.getNameFirstRep();
            map(field + ".firstName", path + ".name.given");
            map(field + ".lastName", path + ".name.family");
            map(field + ".birthDate", path + ".birthDate");
            map(field + ".sex", path + ".gender");
            map(field + ".address", path + ".address");
            List<StringType> given = name.getGiven();
            String phone = p.getTelecom().stream().filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE)
                    .map(ContactPoint::getValue).findFirst().orElse(null);
            return new EncounterSubmission.Patient(
                    given.isEmpty() ? null : given.get(0).getValue(),
                    given.size() > 1 ? given.get(1).getValue() : null,
                    name.getFamily(),
                    raw(p.getBirthDateElement()),
                    p.hasGender() ? p.getGender().toCode() : null,
                    p.hasAddress() ? address(p.getAddressFirstRep()) : null,
                    phone);
        }

        private static EncounterSubmission.Address address(Address a) {
            List<StringType> lines = a.getLine();
            return new EncounterSubmission.Address(
                    lines.isEmpty() ? null : lines.get(0).getValue(),
                    lines.size() > 1 ? lines.get(1).getValue() : null,
                    a.getCity(), a.getState(), a.getPostalCode(), a.getCountry());
        }

        private boolean paidByPatient(Coverage c) {
            return c.getPayor().stream().anyMatch(r -> r.hasReference()
                    && (r.getReference().startsWith("Patient/") || byReference.get(r.getReference()) instanceof Patient))
                    || codeIn(c.getType(), SOURCE_OF_PAYMENT).filter(code -> code.startsWith("8")).isPresent();
        }

        private EncounterSubmission.Coverage coverage(Coverage c, String field) {
            String path = pathOf.get(c);
            Organization payer = c.getPayor().isEmpty() ? null : resolve(c.getPayorFirstRep(), Organization.class);
            map(field, path);
            map(field + ".payerId", path + ".payor");
            map(field + ".payerName", path + ".payor");
            map(field + ".memberId", path + ".subscriberId");
            map(field + ".financialClass", path + ".type");
            map(field + ".relationshipToSubscriber", path + ".relationship");
            map(field + ".effectiveFrom", path + ".period.start");
            map(field + ".effectiveTo", path + ".period.end");
            String memberId = c.hasSubscriberId() ? c.getSubscriberId()
                    : c.hasIdentifier() ? c.getIdentifierFirstRep().getValue() : null;
            String group = null;
            String plan = null;
            for (Coverage.ClassComponent k : c.getClass_()) {
                String type = k.getType().getCodingFirstRep().getCode();
                if ("group".equals(type)) {
                    group = k.getValue();
                } else if ("plan".equals(type)) {
                    plan = k.hasName() ? k.getName() : k.getValue();
                }
            }
            return new EncounterSubmission.Coverage(
                    c.hasOrder() ? sequence(c.getOrder()) : null,
                    payer == null ? null : payer.hasIdentifier() ? payer.getIdentifierFirstRep().getValue() : payer.getIdElement().getIdPart(),
                    payer == null ? null : payer.getName(),
                    financialClass(c.getType()),
                    plan,
                    memberId,
                    group,
                    relationship(c.getRelationship()),
                    null,
                    datePart(raw(c.getPeriod().getStartElement())),
                    datePart(raw(c.getPeriod().getEndElement())),
                    null);
        }

        private static String sequence(int order) {
            return switch (order) {
                case 1 -> "PRIMARY";
                case 2 -> "SECONDARY";
                case 3 -> "TERTIARY";
                default -> Integer.toString(order);
            };
        }

        private static String financialClass(CodeableConcept type) {
            Optional<String> ours = codeIn(type, FINANCIAL_CLASS);
            if (ours.isPresent()) {
                return ours.get();
            }
            String sopt = codeIn(type, SOURCE_OF_PAYMENT).orElse(null);
            if (sopt == null) {
                return type.hasCoding() ? type.getCodingFirstRep().getCode() : null;
            }
            if (sopt.startsWith("31")) {
                return "TRICARE";
            }
            if (sopt.startsWith("51")) {
                return "MANAGED_CARE";
            }
            if (sopt.startsWith("95")) {
                return "WORKERS_COMP";
            }
            return switch (sopt.charAt(0)) {
                case '1' -> "MEDICARE";
                case '2' -> "MEDICAID";
                case '5', '6' -> "COMMERCIAL";
                case '8' -> "SELF_PAY";
                default -> "OTHER";
            };
        }

        private static String relationship(CodeableConcept relationship) {
            if (!relationship.hasCoding()) {
                return null;
            }
            String code = relationship.getCodingFirstRep().getCode();
            return switch (code == null ? "" : code) {
                case "self" -> "18";
                case "spouse" -> "01";
                case "child" -> "19";
                default -> "G8";
            };
        }

        private record Participants(EncounterSubmission.Provider rendering, EncounterSubmission.Provider referring,
                                    EncounterSubmission.Provider attending) {
        }

        private Participants participants(Encounter e, String ep) {
            EncounterSubmission.Provider rendering = null;
            EncounterSubmission.Provider referring = null;
            EncounterSubmission.Provider attending = null;
            for (int i = 0; i < e.getParticipant().size(); i++) {
                Encounter.EncounterParticipantComponent p = e.getParticipant().get(i);
                Practitioner practitioner = resolve(p.getIndividual(), Practitioner.class);
                if (practitioner == null) {
                    continue;
                }
                String type = p.getTypeFirstRep().getCodingFirstRep().getCode();
                String role = switch (type == null ? "PPRF" : type) {
                    case "ATND" -> "attendingProvider";
                    case "REF" -> "referringProvider";
                    default -> "renderingProvider";
                };
                map(role, ep + ".participant[" + i + "]");
                EncounterSubmission.Provider provider = practitioner(practitioner, role);
                switch (role) {
                    case "attendingProvider" -> attending = provider;
                    case "referringProvider" -> referring = provider;
                    default -> rendering = rendering == null ? provider : rendering;
                }
            }
            return new Participants(rendering, referring, attending);
        }

        private EncounterSubmission.Provider practitioner(Practitioner p, String field) {
            String path = pathOf.get(p);
            map(field + ".npi", path + ".identifier.where(system='" + NPI + "')");
            map(field + ".name", path + ".name");
            HumanName name = p.getNameFirstRep();
            String first = name.getGiven().isEmpty() ? null : name.getGiven().get(0).getValue();
            String display = name.hasFamily() ? name.getFamily() + (first == null ? "" : ", " + first) : null;
            return new EncounterSubmission.Provider(identifier(p.getIdentifier(), NPI), display, name.getFamily(), first,
                    null, null, p.hasAddress() ? address(p.getAddressFirstRep()) : null);
        }

        private Organization billingOrganization(Encounter e) {
            Organization org = resolve(e.getServiceProvider(), Organization.class);
            if (org != null) {
                return org;
            }
            return all(Organization.class).stream().filter(o -> identifier(o.getIdentifier(), NPI) != null).findFirst().orElse(null);
        }

        private EncounterSubmission.Provider organization(Organization o, String field) {
            String path = pathOf.get(o);
            map(field, path);
            map(field + ".npi", path + ".identifier.where(system='" + NPI + "')");
            map(field + ".taxId", path + ".identifier.where(system='" + EIN + "')");
            map(field + ".name", path + ".name");
            map(field + ".address", path + ".address");
            return new EncounterSubmission.Provider(identifier(o.getIdentifier(), NPI), o.getName(), null, null, null,
                    identifier(o.getIdentifier(), EIN), o.hasAddress() ? address(o.getAddressFirstRep()) : null);
        }

        private EncounterSubmission.Facility facility(Location location, Organization billing, String kind) {
            if (location != null) {
                String path = pathOf.get(location);
                map("facility", path);
                map("facility.facilityId", path + ".identifier");
                map("facility.name", path + ".name");
                map("facility.npi", path + ".identifier.where(system='" + NPI + "')");
                String id = location.hasIdentifier() ? location.getIdentifierFirstRep().getValue() : location.getIdElement().getIdPart();
                return new EncounterSubmission.Facility(id, location.getName(), identifier(location.getIdentifier(), NPI), kind,
                        location.hasAddress() ? address(location.getAddress()) : null);
            }
            if (billing != null) {
                String id = billing.hasIdElement() ? billing.getIdElement().getIdPart() : identifier(billing.getIdentifier(), NPI);
                return new EncounterSubmission.Facility(id, billing.getName(), identifier(billing.getIdentifier(), NPI), kind, null);
            }
            return null;
        }

        private String placeOfService(Location location, Encounter e) {
            if (location != null) {
                for (CodeableConcept type : location.getType()) {
                    Optional<String> pos = codeIn(type, PLACE_OF_SERVICE);
                    if (pos.isPresent()) {
                        map("placeOfService", pathOf.get(location) + ".type");
                        return pos.get();
                    }
                }
            }
            String code = e.getClass_().getCode();
            return switch (code == null ? "" : code) {
                case "AMB" -> "11";
                case "EMER" -> "23";
                case "IMP", "ACUTE", "NONAC" -> "21";
                case "OBSENC", "SS" -> "22";
                case "VR" -> "10";
                case "HH" -> "12";
                default -> null;
            };
        }

        /** UB-04 priority of admission from Encounter.priority (v3 ActPriority), or a code sent as such. */
        private static String admissionType(Encounter e) {
            for (Coding c : e.getPriority().getCoding()) {
                String code = c.getCode();
                if (code == null) {
                    continue;
                }
                switch (code) {
                    case "EM":
                        return "1";
                    case "UR":
                        return "2";
                    case "EL", "R":
                        return "3";
                    default:
                        if (code.matches("[1-9]")) {
                            return code;
                        }
                }
            }
            return null;
        }

        /** UB-04 patient discharge status from hospitalization.dischargeDisposition (HL7 or NUBC codes). */
        private static String dischargeStatus(Encounter e) {
            if (!e.hasHospitalization()) {
                return null;
            }
            for (Coding c : e.getHospitalization().getDischargeDisposition().getCoding()) {
                String code = c.getCode();
                if (code == null) {
                    continue;
                }
                if (code.matches("\\d{2}")) {
                    return code;
                }
                switch (code) {
                    case "home":
                        return "01";
                    case "hosp":
                        return "02";
                    case "snf":
                        return "03";
                    case "other-hcf":
                        return "05";
                    case "aadvice":
                        return "07";
                    case "exp":
                        return "20";
                    case "rehab":
                        return "62";
                    case "long":
                        return "63";
                    case "psy":
                        return "65";
                    default:
                        break;
                }
            }
            return null;
        }

        private static String encounterClass(Encounter e) {
            String code = e.getClass_().getCode();
            if (code == null) {
                return null;
            }
            return switch (code) {
                case "AMB" -> "AMBULATORY";
                case "EMER" -> "EMERGENCY";
                case "IMP", "ACUTE", "NONAC" -> "INPATIENT";
                case "OBSENC" -> "OBSERVATION";
                case "SS" -> "OUTPATIENT";
                case "VR" -> "VIRTUAL";
                case "HH" -> "HOME_HEALTH";
                default -> code;
            };
        }

        private List<EncounterSubmission.Diagnosis> diagnoses() {
            List<EncounterSubmission.Diagnosis> out = new ArrayList<>();
            for (Condition c : all(Condition.class)) {
                String field = "diagnoses[" + out.size() + "]";
                map(field, pathOf.get(c));
                map(field + ".code", pathOf.get(c) + ".code.coding.where(system='" + ICD10CM + "').code");
                String code = codeIn(c.getCode(), ICD10CM).orElse(null);
                if (code == null && c.getCode().hasCoding() && !c.getCode().hasText()) {
                    problems.add(new Problem(Rule.CODE_FORMAT, pathOf.get(c) + ".code", "must carry an ICD-10-CM coding or a text"));
                }
                out.add(new EncounterSubmission.Diagnosis(out.size() + 1, code, c.getCode().getText(), null));
            }
            return out;
        }

        private void services(List<EncounterSubmission.Diagnosis> diagnoses, List<EncounterSubmission.Service> out) {
            for (ChargeItem item : all(ChargeItem.class)) {
                String field = "services[" + out.size() + "]";
                String path = pathOf.get(item);
                map(field, path);
                map(field + ".code", path + ".code");
                map(field + ".units", path + ".quantity");
                map(field + ".chargeAmount", path + ".priceOverride");
                map(field + ".serviceDate", path + ".occurrence");
                map(field + ".renderingProviderNpi", path + ".performer.actor");
                Coding code = serviceCoding(item.getCode());
                Integer units = item.hasQuantity() && item.getQuantity().hasValue() ? unitsOf(item.getQuantity().getValue()) : null;
                BigDecimal price = item.hasPriceOverride() ? item.getPriceOverride().getValue() : null;
                String date = item.hasOccurrenceDateTimeType() ? datePart(raw(item.getOccurrenceDateTimeType()))
                        : item.hasOccurrencePeriod() ? datePart(raw(item.getOccurrencePeriod().getStartElement())) : null;
                Practitioner performer = item.hasPerformer() ? resolve(item.getPerformerFirstRep().getActor(), Practitioner.class) : null;
                List<Integer> pointers = new ArrayList<>();
                for (CodeableConcept reason : item.getReason()) {
                    codeIn(reason, ICD10CM).ifPresent(icd -> pointers.addAll(sequencesOf(diagnoses, icd)));
                }
                out.add(new EncounterSubmission.Service(out.size() + 1,
                        code == null ? null : code.getCode(), code == null ? null : systemOf(code), item.getCode().getText(),
                        modifiers(item.getCode()), units, price, date, null, null, pointers,
                        performer == null ? null : identifier(performer.getIdentifier(), NPI)));
            }
        }

        private void procedures(List<EncounterSubmission.Service> services, List<EncounterSubmission.Procedure> procedures) {
            Set<Resource> priced = new HashSet<>();
            for (ChargeItem item : all(ChargeItem.class)) {
                for (Reference service : item.getService()) {
                    Resource r = byReference.get(service.getReference());
                    if (r != null) {
                        priced.add(r);
                    }
                }
            }
            for (Procedure p : all(Procedure.class)) {
                String path = pathOf.get(p);
                Optional<String> pcs = codeIn(p.getCode(), ICD10PCS);
                if (pcs.isPresent()) {
                    String field = "procedures[" + procedures.size() + "]";
                    map(field + ".code", path + ".code");
                    map(field + ".date", path + ".performed");
                    String date = p.hasPerformedDateTimeType() ? datePart(raw(p.getPerformedDateTimeType()))
                            : p.hasPerformedPeriod() ? datePart(raw(p.getPerformedPeriod().getStartElement())) : null;
                    procedures.add(new EncounterSubmission.Procedure(procedures.size() + 1, pcs.get(), p.getCode().getText(), date));
                } else if (!priced.contains(p)) {
                    Coding code = serviceCoding(p.getCode());
                    if (code == null) {
                        problems.add(new Problem(Rule.CODE_FORMAT, path + ".code", "must carry a CPT, HCPCS or ICD-10-PCS coding"));
                    } else {
                        problems.add(new Problem(Rule.REQUIRED, path,
                                "a CPT/HCPCS procedure needs a ChargeItem (service = this Procedure) with quantity and priceOverride"));
                    }
                }
            }
        }

        private static List<Integer> sequencesOf(List<EncounterSubmission.Diagnosis> diagnoses, String icd) {
            String wanted = CodeShapes.icd10Value(icd);
            return diagnoses.stream().filter(d -> d.code() != null && CodeShapes.icd10Value(d.code()).equals(wanted))
                    .map(EncounterSubmission.Diagnosis::sequence).toList();
        }

        private static Integer unitsOf(BigDecimal quantity) {
            try {
                return quantity.intValueExact();
            } catch (ArithmeticException ex) {
                return 0;
            }
        }

        private static Coding serviceCoding(CodeableConcept concept) {
            return concept.getCoding().stream().filter(c -> CPT.equals(c.getSystem()) || HCPCS.equals(c.getSystem()))
                    .findFirst().orElse(null);
        }

        private static String systemOf(Coding coding) {
            return CPT.equals(coding.getSystem()) ? "CPT" : "HCPCS";
        }

        private static List<String> modifiers(CodeableConcept concept) {
            return concept.getCoding().stream()
                    .filter(c -> c.getSystem() != null && c.getSystem().toLowerCase(Locale.ROOT).endsWith("modifier"))
                    .map(Coding::getCode).toList();
        }

        private static Optional<String> codeIn(CodeableConcept concept, String system) {
            return concept.getCoding().stream().filter(c -> system.equals(c.getSystem()) && c.hasCode())
                    .map(Coding::getCode).findFirst();
        }

        private static String identifier(List<Identifier> identifiers, String system) {
            return identifiers.stream().filter(i -> system.equals(i.getSystem())).map(Identifier::getValue).findFirst().orElse(null);
        }

        private static String raw(org.hl7.fhir.r4.model.PrimitiveType<?> element) {
            return element == null || element.isEmpty() ? null : element.getValueAsString();
        }

        /** The date of a FHIR dateTime: an instant's date part is the date of service as documented. */
        private static String datePart(String dateTime) {
            if (dateTime == null) {
                return null;
            }
            return dateTime.length() > 10 && dateTime.charAt(10) == 'T' ? dateTime.substring(0, 10) : dateTime;
        }
    }
}
