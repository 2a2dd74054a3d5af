package io.revcycle.ingest.encounter;

import io.revcycle.events.Code;
import io.revcycle.events.CodeSystem;
import io.revcycle.events.CoverageSequence;
import io.revcycle.events.DocumentedDiagnosis;
import io.revcycle.events.DocumentedProcedure;
import io.revcycle.events.DocumentedService;
import io.revcycle.events.EncounterClass;
import io.revcycle.events.EncounterReceived;
import io.revcycle.events.EventHeader;
import io.revcycle.events.FacilityKind;
import io.revcycle.events.FinancialClass;
import io.revcycle.events.SourceFormat;
import io.revcycle.ingest.validation.AdministrativeSexes;
import io.revcycle.ingest.validation.CodeShapes;
import io.revcycle.schemas.Money;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Turns a validated submission into the contract's {@link EncounterReceived} and computes its
 * content hash. Only call with a submission that passed
 * {@link io.revcycle.ingest.validation.EncounterValidator}.
 */
public final class EncounterEvents {

    /** The producer name every event of this service carries. */
    public static final String PRODUCER = "encounter-ingest";

    private static final SpecificDatumWriter<EncounterReceived> WRITER = new SpecificDatumWriter<>(EncounterReceived.class);

    private EncounterEvents() {
    }

    /**
     * The canonical content of a validated submission: the event with everything this service
     * adds (header, version, format, time received, hash) left at fixed placeholders, so equal
     * facts encode to equal bytes whatever format they came in.
     */
    public static CanonicalEncounter canonical(EncounterSubmission e, String sourceSystem) {
        LocalDate from = LocalDate.parse(e.serviceDateFrom().trim());
        LocalDate to = blank(e.serviceDateTo()) ? from : LocalDate.parse(e.serviceDateTo().trim());
        List<DocumentedService> services = services(e.services(), from);
        EncounterReceived content = EncounterReceived.newBuilder()
                .setHeader(placeholderHeader(e.encounterId().trim()))
                .setEncounterId(e.encounterId().trim())
                .setEncounterVersion(0)
                .setSourceSystem(sourceSystem)
                .setSourceFormat(SourceFormat.JSON)
                .setContentHash("")
                .setReceivedAt(Instant.EPOCH)
                .setPatientId(e.patientId().trim())
                .setPatient(person(e.patient()))
                .setSelfPay(Boolean.TRUE.equals(e.selfPay()))
                .setCoverages(coverages(e.coverages()))
                .setBillingProvider(provider(e.billingProvider()))
                .setRenderingProvider(e.renderingProvider() == null ? null : provider(e.renderingProvider()))
                .setReferringProvider(e.referringProvider() == null ? null : provider(e.referringProvider()))
                .setAttendingProvider(e.attendingProvider() == null ? null : provider(e.attendingProvider()))
                .setFacility(facility(e.facility()))
                .setPlaceOfService(e.placeOfService().trim())
                .setEncounterClass(EncounterClass.valueOf(upper(e.encounterClass())))
                .setServiceDateFrom(from)
                .setServiceDateTo(to)
                .setAdmissionDate(date(e.admissionDate()))
                .setDischargeDate(date(e.dischargeDate()))
                .setAdmissionType(trimmed(e.admissionType()))
                .setDischargeStatus(trimmed(e.dischargeStatus()))
                .setDiagnoses(diagnoses(e.diagnoses()))
                .setServices(services)
                .setProcedures(procedures(e.procedures()))
                .setTotalCharge(Money.sum(services.stream().map(DocumentedService::getChargeAmount).toList()))
                .build();
        return new CanonicalEncounter(content, sha256(content));
    }

    private static String sha256(EncounterReceived content) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
            WRITER.write(content, encoder);
            encoder.flush();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JRE", ex);
        }
    }

    /** SHA-256 (hex) of raw input bytes, to let a sender find a refused input in its own logs. */
    public static String inputHash(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JRE", ex);
        }
    }

    private static EventHeader placeholderHeader(String encounterId) {
        return EventHeader.newBuilder().setEventId("").setOccurredAt(Instant.EPOCH)
                .setEncounterId(encounterId).setProducer(PRODUCER).build();
    }

    private static io.revcycle.events.Person person(EncounterSubmission.Patient p) {
        return io.revcycle.events.Person.newBuilder()
                .setFirstName(p.firstName().trim())
                .setMiddleName(trimmed(p.middleName()))
                .setLastName(p.lastName().trim())
                .setBirthDate(LocalDate.parse(p.birthDate().trim()))
                .setSex(AdministrativeSexes.parse(p.sex()))
                .setAddress(address(p.address()))
                .setPhone(trimmed(p.phone()))
                .build();
    }

    private static io.revcycle.events.Address address(EncounterSubmission.Address a) {
        if (a == null) {
            return null;
        }
        return io.revcycle.events.Address.newBuilder()
                .setLine1(a.line1().trim())
                .setLine2(trimmed(a.line2()))
                .setCity(a.city().trim())
                .setState(upper(a.state()))
                .setPostalCode(a.postalCode().trim())
                .setCountry(blank(a.country()) ? "US" : a.country().trim())
                .build();
    }

    private static List<io.revcycle.events.Coverage> coverages(List<EncounterSubmission.Coverage> coverages) {
        List<io.revcycle.events.Coverage> out = new ArrayList<>();
        if (coverages == null) {
            return out;
        }
        for (int i = 0; i < coverages.size(); i++) {
            EncounterSubmission.Coverage c = coverages.get(i);
            out.add(io.revcycle.events.Coverage.newBuilder()
                    .setSequence(blank(c.sequence()) ? CoverageSequence.values()[i] : CoverageSequence.valueOf(upper(c.sequence())))
                    .setPayerId(c.payerId().trim())
                    .setPayerName(c.payerName().trim())
                    .setFinancialClass(FinancialClass.valueOf(upper(c.financialClass())))
                    .setPlanName(trimmed(c.planName()))
                    .setMemberId(c.memberId().trim())
                    .setGroupNumber(trimmed(c.groupNumber()))
                    .setRelationshipToSubscriber(blank(c.relationshipToSubscriber()) ? "18" : c.relationshipToSubscriber().trim())
                    .setSubscriber(c.subscriber() == null ? null : person(c.subscriber()))
                    .setEffectiveFrom(date(c.effectiveFrom()))
                    .setEffectiveTo(date(c.effectiveTo()))
                    .setPriorAuthorization(trimmed(c.priorAuthorization()))
                    .build());
        }
        return out;
    }

    private static io.revcycle.events.Provider provider(EncounterSubmission.Provider p) {
        return io.revcycle.events.Provider.newBuilder()
                .setNpi(p.npi().trim())
                .setName(p.name().trim())
                .setLastName(trimmed(p.lastName()))
                .setFirstName(trimmed(p.firstName()))
                .setTaxonomy(trimmed(p.taxonomy()))
                .setTaxId(blank(p.taxId()) ? null : p.taxId().trim().replace("-", ""))
                .setAddress(address(p.address()))
                .build();
    }

    private static io.revcycle.events.Facility facility(EncounterSubmission.Facility f) {
        return io.revcycle.events.Facility.newBuilder()
                .setFacilityId(f.facilityId().trim())
                .setName(f.name().trim())
                .setNpi(trimmed(f.npi()))
                .setKind(blank(f.kind()) ? FacilityKind.CLINIC : FacilityKind.valueOf(upper(f.kind())))
                .setAddress(address(f.address()))
                .build();
    }

    private static List<DocumentedDiagnosis> diagnoses(List<EncounterSubmission.Diagnosis> diagnoses) {
        List<DocumentedDiagnosis> out = new ArrayList<>();
        if (diagnoses == null) {
            return out;
        }
        for (int i = 0; i < diagnoses.size(); i++) {
            EncounterSubmission.Diagnosis d = diagnoses.get(i);
            out.add(DocumentedDiagnosis.newBuilder()
                    .setSequence(d.sequence() != null ? d.sequence() : i + 1)
                    .setCode(blank(d.code()) ? null : code(CodeSystem.ICD10CM, CodeShapes.icd10Value(d.code())))
                    .setText(trimmed(d.text()))
                    .setPresentOnAdmission(trimmed(d.presentOnAdmission()))
                    .build());
        }
        return out;
    }

    private static List<DocumentedService> services(List<EncounterSubmission.Service> services, LocalDate from) {
        List<DocumentedService> out = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            EncounterSubmission.Service s = services.get(i);
            out.add(DocumentedService.newBuilder()
                    .setLineNumber(s.lineNumber() != null ? s.lineNumber() : i + 1)
                    .setCode(blank(s.code()) ? null : code(serviceSystem(s), upper(s.code())))
                    .setText(trimmed(s.text()))
                    .setModifiers(s.modifiers() == null ? List.of() : s.modifiers().stream().map(EncounterEvents::upper).toList())
                    .setUnits(s.units())
                    .setChargeAmount(Money.of(s.chargeAmount()))
                    .setServiceDate(blank(s.serviceDate()) ? from : LocalDate.parse(s.serviceDate().trim()))
                    .setRevenueCode(trimmed(s.revenueCode()))
                    .setNdc(trimmed(s.ndc()))
                    .setDiagnosisSequences(s.diagnosisSequences() == null ? List.of() : s.diagnosisSequences())
                    .setRenderingProviderNpi(trimmed(s.renderingProviderNpi()))
                    .build());
        }
        return out;
    }

    private static CodeSystem serviceSystem(EncounterSubmission.Service s) {
        if (!blank(s.codeSystem())) {
            return CodeSystem.valueOf(upper(s.codeSystem()));
        }
        return CodeShapes.isCpt(s.code().trim()) ? CodeSystem.CPT : CodeSystem.HCPCS;
    }

    private static List<DocumentedProcedure> procedures(List<EncounterSubmission.Procedure> procedures) {
        List<DocumentedProcedure> out = new ArrayList<>();
        if (procedures == null) {
            return out;
        }
        for (int i = 0; i < procedures.size(); i++) {
            EncounterSubmission.Procedure p = procedures.get(i);
            out.add(DocumentedProcedure.newBuilder()
                    .setSequence(p.sequence() != null ? p.sequence() : i + 1)
                    .setCode(blank(p.code()) ? null : code(CodeSystem.ICD10PCS, upper(p.code())))
                    .setText(trimmed(p.text()))
                    .setDate(LocalDate.parse(p.date().trim()))
                    .build());
        }
        return out;
    }

    private static Code code(CodeSystem system, String value) {
        return Code.newBuilder().setSystem(system).setValue(value).build();
    }

    private static LocalDate date(String value) {
        return blank(value) ? null : LocalDate.parse(value.trim());
    }

    private static String trimmed(String value) {
        return blank(value) ? null : value.trim();
    }

    private static String upper(String value) {
        return value.trim().toUpperCase(Locale.ROOT);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
