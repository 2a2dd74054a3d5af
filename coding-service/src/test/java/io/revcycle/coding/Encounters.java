package io.revcycle.coding;

import io.revcycle.events.AdministrativeSex;
import io.revcycle.events.Code;
import io.revcycle.events.CodeSystem;
import io.revcycle.events.DocumentedDiagnosis;
import io.revcycle.events.DocumentedService;
import io.revcycle.events.EncounterClass;
import io.revcycle.events.EncounterReceived;
import io.revcycle.events.Facility;
import io.revcycle.events.FacilityKind;
import io.revcycle.events.Person;
import io.revcycle.events.Provider;
import io.revcycle.events.SourceFormat;
import io.revcycle.schemas.EventHeaders;
import io.revcycle.schemas.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds encounter events for tests: an office visit of an adult on 2 June 2025 by a synthetic
 * patient (no real person) at a clinic.
 */
public final class Encounters {

    public static final LocalDate DOS = LocalDate.of(2025, 6, 2);

    private final String encounterId;
    private int version = 1;
    private LocalDate birthDate = LocalDate.of(1961, 4, 9);
    private AdministrativeSex sex = AdministrativeSex.MALE;
    private final List<DocumentedDiagnosis> diagnoses = new ArrayList<>();
    private final List<DocumentedService> services = new ArrayList<>();

    private Encounters(String encounterId) {
        this.encounterId = encounterId;
    }

    public static Encounters encounter(String encounterId) {
        return new Encounters(encounterId);
    }

    public Encounters version(int v) {
        this.version = v;
        return this;
    }

    public Encounters patient(AdministrativeSex s, LocalDate born) {
        this.sex = s;
        this.birthDate = born;
        return this;
    }

    /** Coded diagnoses in sequence 1, 2, ... */
    public Encounters dx(String... codes) {
        for (String c : codes) {
            diagnoses.add(DocumentedDiagnosis.newBuilder().setSequence(diagnoses.size() + 1)
                    .setCode(Code.newBuilder().setSystem(CodeSystem.ICD10CM).setValue(c).build()).build());
        }
        return this;
    }

    /** A diagnosis documented as a code and the words behind it. */
    public Encounters dxWithText(String code, String text) {
        diagnoses.add(DocumentedDiagnosis.newBuilder().setSequence(diagnoses.size() + 1)
                .setCode(Code.newBuilder().setSystem(CodeSystem.ICD10CM).setValue(code).build()).setText(text).build());
        return this;
    }

    /** A diagnosis documented as text only. */
    public Encounters dxText(String text) {
        diagnoses.add(DocumentedDiagnosis.newBuilder().setSequence(diagnoses.size() + 1).setText(text).build());
        return this;
    }

    public Encounters service(String cpt, int units, List<String> modifiers, Integer... pointers) {
        CodeSystem system = Character.isLetter(cpt.charAt(0)) ? CodeSystem.HCPCS : CodeSystem.CPT;
        services.add(DocumentedService.newBuilder().setLineNumber(services.size() + 1)
                .setCode(Code.newBuilder().setSystem(system).setValue(cpt).build())
                .setModifiers(modifiers).setUnits(units).setChargeAmount(Money.of("125.00")).setServiceDate(DOS)
                .setDiagnosisSequences(Arrays.asList(pointers)).build());
        return this;
    }

    public Encounters service(String cpt, Integer... pointers) {
        return service(cpt, 1, List.of(), pointers);
    }

    public EncounterReceived build() {
        Provider provider = Provider.newBuilder().setNpi("1234567893").setName("Example Family Practice")
                .setTaxId("123456789").build();
        return EncounterReceived.newBuilder()
                .setHeader(EventHeaders.create("encounter-ingest", encounterId, null))
                .setEncounterId(encounterId)
                .setEncounterVersion(version)
                .setSourceSystem("test-ehr")
                .setSourceFormat(SourceFormat.JSON)
                .setContentHash("hash-" + encounterId + "-" + version)
                .setReceivedAt(Instant.parse("2025-06-02T15:00:00Z"))
                .setPatientId("MRN-TEST-1")
                .setPatient(Person.newBuilder().setFirstName("Test").setLastName("Patient").setBirthDate(birthDate).setSex(sex).build())
                .setBillingProvider(provider)
                .setRenderingProvider(Provider.newBuilder().setNpi("1245319599").setName("Doe, Jane").build())
                .setFacility(Facility.newBuilder().setFacilityId("F1").setName("Example Clinic").setKind(FacilityKind.CLINIC).build())
                .setPlaceOfService("11")
                .setEncounterClass(EncounterClass.AMBULATORY)
                .setServiceDateFrom(DOS)
                .setServiceDateTo(DOS)
                .setDiagnoses(diagnoses)
                .setServices(services)
                .setTotalCharge(Money.of("125.00"))
                .build();
    }
}
