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
import java.time.LocalDate;
import java.util.List;

/** Writes encounters in the ingest JSON model ({@code POST /v1/encounters} and its batch). */
public final class JsonEncounterRenderer {

    private final ObjectMapper json = new ObjectMapper();

    /** One encounter, as the body of {@code POST /v1/encounters}. */
    public String render(SyntheticEncounter e) {
        return write(tree(e));
    }

    /** A batch body, {@code {"encounters": [...]}}. */
    public String renderBatch(List<SyntheticEncounter> encounters) {
        ObjectNode body = json.createObjectNode();
        ArrayNode items = body.putArray("encounters");
        encounters.forEach(e -> items.add(tree(e)));
        return write(body);
    }

    ObjectNode tree(SyntheticEncounter e) {
        ObjectNode n = json.createObjectNode();
        n.put("encounterId", e.encounterId());
        n.put("patientId", e.patient().patientId());
        ObjectNode patient = n.putObject("patient");
        patient.put("firstName", e.patient().firstName());
        putIfPresent(patient, "middleName", e.patient().middleName());
        patient.put("lastName", e.patient().lastName());
        patient.put("birthDate", e.patient().birthDate().toString());
        patient.put("sex", e.patient().sex().name());
        address(patient, "address", e.patient().address());
        patient.put("phone", e.patient().phone());
        n.put("selfPay", e.selfPay());
        ArrayNode coverages = n.putArray("coverages");
        String[] sequences = {"PRIMARY", "SECONDARY", "TERTIARY"};
        for (int i = 0; i < e.coverages().size(); i++) {
            Coverage c = e.coverages().get(i);
            ObjectNode cov = coverages.addObject();
            cov.put("sequence", sequences[i]);
            cov.put("payerId", c.payer().payerId());
            cov.put("payerName", c.payer().payerName());
            cov.put("financialClass", c.payer().financialClass());
            cov.put("planName", c.planName());
            cov.put("memberId", c.memberId());
            putIfPresent(cov, "groupNumber", c.groupNumber());
            cov.put("relationshipToSubscriber", c.relationship().x12());
            if (c.subscriber() != null) {
                ObjectNode s = cov.putObject("subscriber");
                s.put("firstName", c.subscriber().firstName());
                s.put("lastName", c.subscriber().lastName());
                s.put("birthDate", c.subscriber().birthDate().toString());
                s.put("sex", c.subscriber().sex().name());
            }
            cov.put("effectiveFrom", c.effectiveFrom().toString());
        }
        provider(n, "billingProvider", e.billingProvider());
        provider(n, "renderingProvider", e.renderingProvider());
        provider(n, "attendingProvider", e.attendingProvider());
        ObjectNode facility = n.putObject("facility");
        facility.put("facilityId", e.facility().facilityId());
        facility.put("name", e.facility().name());
        facility.put("npi", e.facility().npi());
        facility.put("kind", e.facility().kind().name());
        address(facility, "address", e.facility().address());
        n.put("placeOfService", e.placeOfService());
        n.put("encounterClass", e.encounterClass().name());
        n.put("serviceDateFrom", e.serviceDateFrom().toString());
        n.put("serviceDateTo", e.serviceDateTo().toString());
        date(n, "admissionDate", e.admissionDate());
        date(n, "dischargeDate", e.dischargeDate());
        putIfPresent(n, "admissionType", e.admissionType());
        putIfPresent(n, "dischargeStatus", e.dischargeStatus());
        ArrayNode diagnoses = n.putArray("diagnoses");
        for (Diagnosis d : e.diagnoses()) {
            ObjectNode dx = diagnoses.addObject();
            dx.put("sequence", d.sequence());
            putIfPresent(dx, "code", d.code());
            putIfPresent(dx, "text", d.text());
            putIfPresent(dx, "presentOnAdmission", d.presentOnAdmission());
        }
        ArrayNode services = n.putArray("services");
        for (ServiceLine s : e.services()) {
            ObjectNode line = services.addObject();
            line.put("lineNumber", s.lineNumber());
            line.put("code", s.code());
            line.put("codeSystem", s.system().name());
            ArrayNode modifiers = line.putArray("modifiers");
            s.modifiers().forEach(modifiers::add);
            line.put("units", s.units());
            line.put("chargeAmount", s.charge());
            line.put("serviceDate", s.serviceDate().toString());
            putIfPresent(line, "revenueCode", s.revenueCode());
            ArrayNode pointers = line.putArray("diagnosisSequences");
            s.diagnosisSequences().forEach(pointers::add);
            line.put("renderingProviderNpi", s.renderingProviderNpi());
        }
        if (!e.procedures().isEmpty()) {
            ArrayNode procedures = n.putArray("procedures");
            for (Procedure p : e.procedures()) {
                ObjectNode pr = procedures.addObject();
                pr.put("sequence", p.sequence());
                pr.put("code", p.code());
                pr.put("text", p.text());
                pr.put("date", p.date().toString());
            }
        }
        n.put("totalCharge", e.totalCharge());
        return n;
    }

    private static void provider(ObjectNode parent, String field, Provider p) {
        if (p == null) {
            return;
        }
        ObjectNode n = parent.putObject(field);
        n.put("npi", p.npi());
        n.put("name", p.displayName());
        putIfPresent(n, "lastName", p.lastName());
        putIfPresent(n, "firstName", p.firstName());
        putIfPresent(n, "taxonomy", p.taxonomy());
        putIfPresent(n, "taxId", p.taxId());
        address(n, "address", p.address());
    }

    private static void address(ObjectNode parent, String field, Address a) {
        if (a == null) {
            return;
        }
        ObjectNode n = parent.putObject(field);
        n.put("line1", a.line1());
        putIfPresent(n, "line2", a.line2());
        n.put("city", a.city());
        n.put("state", a.state());
        n.put("postalCode", a.postalCode());
        n.put("country", "US");
    }

    private static void date(ObjectNode n, String field, LocalDate date) {
        if (date != null) {
            n.put(field, date.toString());
        }
    }

    private static void putIfPresent(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    private String write(ObjectNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
