package io.revcycle.deploy.feed.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.revcycle.deploy.feed.generate.SyntheticEncounter;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.Address;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.Coverage;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.Diagnosis;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.Procedure;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.Provider;
import io.revcycle.deploy.feed.generate.SyntheticEncounter.ServiceLine;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Writes an encounter as a FHIR R4 transaction Bundle the way US Core-minded EHRs send charges:
 * Patient, billing Organization, payer Organizations and Coverages, Practitioner, Location with a
 * place-of-service type, Encounter, Conditions (ICD-10-CM), ICD-10-PCS Procedures and one ChargeItem
 * per service line (CPT/HCPCS with modifier codings, quantity, priceOverride, reason = linked
 * diagnoses). Entry ids are derived from the encounter id, so the same encounter gives the same bundle.
 */
public final class FhirBundleRenderer {

    static final String NPI = "http://hl7.org/fhir/sid/us-npi";
    static final String EIN = "urn:oid:2.16.840.1.113883.4.4";
    static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    static final String ICD10PCS = "http://www.cms.gov/Medicare/Coding/ICD10";
    static final String CPT = "http://www.ama-assn.org/go/cpt";
    static final String CPT_MODIFIER = "http://www.ama-assn.org/go/cpt-modifier";
    static final String HCPCS = "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
    static final String REVENUE_CODE = "https://www.nubc.org/CodeSystem/RevenueCodes";
    static final String PLACE_OF_SERVICE = "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set";
    static final String SOURCE_OF_PAYMENT = "https://nahdo.org/sopt";
    static final String FINANCIAL_CLASS = "urn:revcycle:financial-class";
    static final String PAYER_ID = "urn:revcycle:payer-id";
    static final String FACILITY_ID = "urn:revcycle:facility-id";
    static final String MRN_SYSTEM = "urn:revcycle:synthetic-ehr:mrn";
    static final String VISIT_SYSTEM = "urn:revcycle:synthetic-ehr:visit";

    private final ObjectMapper json = new ObjectMapper();

    /** The bundle's JSON text, for {@code POST /fhir} ({@code application/fhir+json}). */
    public String render(SyntheticEncounter e) {
        Entries entries = new Entries(e.encounterId());
        String patient = entries.url("Patient");
        String billing = entries.url("Organization/billing");
        String clinician = entries.url("Practitioner/clinician");
        String location = entries.url("Location");
        String encounter = entries.url("Encounter");

        ObjectNode p = entries.add(patient, "Patient");
        ObjectNode mrn = p.putArray("identifier").addObject();
        mrn.putObject("type").putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/v2-0203").put("code", "MR");
        mrn.put("system", MRN_SYSTEM).put("value", e.patient().patientId());
        ObjectNode name = p.putArray("name").addObject().put("family", e.patient().lastName());
        ArrayNode given = name.putArray("given").add(e.patient().firstName());
        if (e.patient().middleName() != null) {
            given.add(e.patient().middleName());
        }
        p.put("gender", e.patient().sex().name().toLowerCase(Locale.ROOT));
        p.put("birthDate", e.patient().birthDate().toString());
        p.putArray("telecom").addObject().put("system", "phone").put("value", e.patient().phone()).put("use", "home");
        address(p.putArray("address").addObject(), e.patient().address());

        Provider b = e.billingProvider();
        ObjectNode org = entries.add(billing, "Organization");
        ArrayNode orgIds = org.putArray("identifier");
        orgIds.addObject().put("system", NPI).put("value", b.npi());
        orgIds.addObject().put("system", EIN).put("value", b.taxId());
        org.put("name", b.organizationName());
        address(org.putArray("address").addObject(), b.address());

        for (int i = 0; i < e.coverages().size(); i++) {
            coverage(entries, e.coverages().get(i), i + 1, patient);
        }
        if (e.selfPay()) {
            ObjectNode c = entries.add(entries.url("Coverage/self-pay"), "Coverage");
            c.put("status", "active");
            c.putObject("type").putArray("coding").addObject().put("system", SOURCE_OF_PAYMENT).put("code", "81")
                    .put("display", "Self-pay");
            c.putObject("beneficiary").put("reference", patient);
            c.putArray("payor").addObject().put("reference", patient);
        }

        Provider doc = e.renderingProvider();
        ObjectNode practitioner = entries.add(clinician, "Practitioner");
        practitioner.putArray("identifier").addObject().put("system", NPI).put("value", doc.npi());
        practitioner.putArray("name").addObject().put("family", doc.lastName()).putArray("given").add(doc.firstName());
        practitioner.putArray("qualification").addObject().putObject("code").putArray("coding").addObject()
                .put("system", "http://nucc.org/provider-taxonomy").put("code", doc.taxonomy());

        ObjectNode loc = entries.add(location, "Location");
        ArrayNode locIds = loc.putArray("identifier");
        locIds.addObject().put("system", FACILITY_ID).put("value", e.facility().facilityId());
        locIds.addObject().put("system", NPI).put("value", e.facility().npi());
        loc.put("name", e.facility().name());
        loc.putArray("type").addObject().putArray("coding").addObject().put("system", PLACE_OF_SERVICE)
                .put("code", e.placeOfService());
        address(loc.putObject("address"), e.facility().address());

        ObjectNode enc = entries.add(encounter, "Encounter");
        enc.putArray("identifier").addObject().put("system", VISIT_SYSTEM).put("value", e.encounterId());
        enc.put("status", "finished");
        enc.putObject("class").put("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode")
                .put("code", switch (e.encounterClass()) {
                    case AMBULATORY -> "AMB";
                    case EMERGENCY -> "EMER";
                    case INPATIENT -> "IMP";
                });
        enc.putObject("subject").put("reference", patient);
        ArrayNode participants = enc.putArray("participant");
        participant(participants, "PPRF", clinician);
        if (e.attendingProvider() != null) {
            participant(participants, "ATND", clinician);
        }
        enc.putObject("period").put("start", e.serviceDateFrom().toString()).put("end", e.serviceDateTo().toString());
        enc.putArray("location").addObject().putObject("location").put("reference", location);
        enc.putObject("serviceProvider").put("reference", billing);

        Map<Integer, String> codeOfDiagnosis = new HashMap<>();
        for (Diagnosis d : e.diagnoses()) {
            ObjectNode c = entries.add(entries.url("Condition/" + d.sequence()), "Condition");
            c.putArray("category").addObject().putArray("coding").addObject()
                    .put("system", "http://terminology.hl7.org/CodeSystem/condition-category").put("code", "encounter-diagnosis");
            ObjectNode code = c.putObject("code");
            if (d.code() != null) {
                code.putArray("coding").addObject().put("system", ICD10CM).put("code", d.code());
                codeOfDiagnosis.put(d.sequence(), d.code());
            }
            if (d.text() != null) {
                code.put("text", d.text());
            }
            c.putObject("subject").put("reference", patient);
            c.putObject("encounter").put("reference", encounter);
        }
        for (Procedure pr : e.procedures()) {
            ObjectNode proc = entries.add(entries.url("Procedure/" + pr.sequence()), "Procedure");
            proc.put("status", "completed");
            proc.putObject("code").put("text", pr.text()).putArray("coding").addObject().put("system", ICD10PCS).put("code", pr.code());
            proc.putObject("subject").put("reference", patient);
            proc.putObject("encounter").put("reference", encounter);
            proc.put("performedDateTime", pr.date().toString());
        }
        for (ServiceLine s : e.services()) {
            ObjectNode item = entries.add(entries.url("ChargeItem/" + s.lineNumber()), "ChargeItem");
            item.put("status", "billable");
            ArrayNode codings = item.putObject("code").putArray("coding");
            codings.addObject().put("system", s.system() == SyntheticEncounter.ServiceCodeSystem.CPT ? CPT : HCPCS).put("code", s.code());
            s.modifiers().forEach(m -> codings.addObject().put("system", CPT_MODIFIER).put("code", m));
            if (s.revenueCode() != null) {
                codings.addObject().put("system", REVENUE_CODE).put("code", s.revenueCode());
            }
            item.putObject("subject").put("reference", patient);
            item.putObject("context").put("reference", encounter);
            item.put("occurrenceDateTime", s.serviceDate().toString());
            if (s.renderingProviderNpi() != null) {
                item.putArray("performer").addObject().putObject("actor").put("reference", clinician);
            }
            item.putObject("quantity").put("value", s.units());
            item.putObject("priceOverride").put("value", s.charge()).put("currency", "USD");
            ArrayNode reasons = item.putArray("reason");
            for (Integer pointer : s.diagnosisSequences()) {
                String icd = codeOfDiagnosis.get(pointer);
                if (icd != null) {
                    reasons.addObject().putArray("coding").addObject().put("system", ICD10CM).put("code", icd);
                }
            }
        }
        try {
            return json.writeValueAsString(entries.bundle);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void coverage(Entries entries, Coverage c, int order, String patient) {
        String payer = entries.url("Organization/payer-" + order);
        ObjectNode org = entries.add(payer, "Organization");
        org.putArray("identifier").addObject().put("system", PAYER_ID).put("value", c.payer().payerId());
        org.put("name", c.payer().payerName());
        org.putArray("type").addObject().putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/organization-type").put("code", "pay");
        String subscriber = null;
        if (c.subscriber() != null) {
            subscriber = entries.url("RelatedPerson/subscriber-" + order);
            ObjectNode person = entries.add(subscriber, "RelatedPerson");
            person.putObject("patient").put("reference", patient);
            person.putArray("name").addObject().put("family", c.subscriber().lastName()).putArray("given").add(c.subscriber().firstName());
            person.put("gender", c.subscriber().sex().name().toLowerCase(Locale.ROOT));
            person.put("birthDate", c.subscriber().birthDate().toString());
        }
        ObjectNode cov = entries.add(entries.url("Coverage/" + order), "Coverage");
        cov.put("status", "active");
        ArrayNode type = cov.putObject("type").putArray("coding");
        type.addObject().put("system", FINANCIAL_CLASS).put("code", c.payer().financialClass());
        type.addObject().put("system", SOURCE_OF_PAYMENT).put("code", c.payer().sourceOfPayment());
        cov.put("subscriberId", c.memberId());
        if (subscriber != null) {
            cov.putObject("subscriber").put("reference", subscriber);
        }
        cov.putObject("beneficiary").put("reference", patient);
        cov.putObject("relationship").putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/subscriber-relationship")
                .put("code", switch (c.relationship()) {
                    case SELF -> "self";
                    case SPOUSE -> "spouse";
                    case CHILD -> "child";
                });
        cov.putObject("period").put("start", c.effectiveFrom().toString());
        cov.putArray("payor").addObject().put("reference", payer);
        ArrayNode classes = cov.putArray("class");
        if (c.groupNumber() != null) {
            coverageClass(classes, "group", c.groupNumber(), null);
        }
        coverageClass(classes, "plan", c.payer().payerId() + "-PLAN", c.planName());
        cov.put("order", order);
    }

    private static void coverageClass(ArrayNode classes, String type, String value, String name) {
        ObjectNode k = classes.addObject();
        k.putObject("type").putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/coverage-class").put("code", type);
        k.put("value", value);
        if (name != null) {
            k.put("name", name);
        }
    }

    private static void participant(ArrayNode participants, String type, String practitioner) {
        ObjectNode p = participants.addObject();
        p.putArray("type").addObject().putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/v3-ParticipationType").put("code", type);
        p.putObject("individual").put("reference", practitioner);
    }

    private static void address(ObjectNode n, Address a) {
        ArrayNode lines = n.putArray("line").add(a.line1());
        if (a.line2() != null) {
            lines.add(a.line2());
        }
        n.put("city", a.city()).put("state", a.state()).put("postalCode", a.postalCode()).put("country", "US");
    }

    /** The bundle being written and the stable urn:uuid of each entry. */
    private final class Entries {
        final ObjectNode bundle = json.createObjectNode();
        private final ArrayNode entry;
        private final String encounterId;

        Entries(String encounterId) {
            this.encounterId = encounterId;
            bundle.put("resourceType", "Bundle");
            bundle.put("type", "transaction");
            entry = bundle.putArray("entry");
        }

        String url(String role) {
            return "urn:uuid:" + UUID.nameUUIDFromBytes((encounterId + "/" + role).getBytes(StandardCharsets.UTF_8));
        }

        ObjectNode add(String fullUrl, String resourceType) {
            ObjectNode e = entry.addObject();
            e.put("fullUrl", fullUrl);
            ObjectNode resource = e.putObject("resource");
            resource.put("resourceType", resourceType);
            e.putObject("request").put("method", "POST").put("url", resourceType);
            return resource;
        }
    }
}
