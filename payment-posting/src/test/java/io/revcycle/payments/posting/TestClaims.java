package io.revcycle.payments.posting;

import io.revcycle.events.AdministrativeSex;
import io.revcycle.events.Claim;
import io.revcycle.events.ClaimLine;
import io.revcycle.events.ClaimState;
import io.revcycle.events.ClaimType;
import io.revcycle.events.Code;
import io.revcycle.events.CodeSource;
import io.revcycle.events.CodeSystem;
import io.revcycle.events.CodedDiagnosis;
import io.revcycle.events.Coverage;
import io.revcycle.events.CoverageSequence;
import io.revcycle.events.Facility;
import io.revcycle.events.FinancialClass;
import io.revcycle.events.Person;
import io.revcycle.events.Provider;
import io.revcycle.schemas.EventHeaders;
import io.revcycle.schemas.Money;
import io.revcycle.schemas.TrustedAvroPackages;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Claims as claim-builder writes them, for the fixtures' claim ids. */
public final class TestClaims {

    /** Secret used by tests for the patient pseudonym. */
    public static final String SECRET = "test-pseudonym-secret-0123456789";

    static {
        TrustedAvroPackages.install();
    }

    private TestClaims() {
    }

    /** A submitted claim with one line per charge, lines numbered from 1, served on 2026-11-01. */
    public static Claim submitted(String claimId, String patientId, String... lineCharges) {
        List<ClaimLine> lines = new ArrayList<>();
        BigDecimal total = Money.ZERO;
        for (int i = 0; i < lineCharges.length; i++) {
            BigDecimal charge = Money.of(lineCharges[i]);
            total = total.add(charge);
            lines.add(ClaimLine.newBuilder().setLineNumber(i + 1)
                    .setCode(Code.newBuilder().setSystem(CodeSystem.CPT).setValue("99213").build())
                    .setUnits(1).setChargeAmount(charge).setServiceDate(LocalDate.of(2026, 11, 1))
                    .setDiagnosisPointers(List.of(1)).build());
        }
        Instant at = Instant.parse("2026-11-02T10:00:00Z");
        return Claim.newBuilder()
                .setHeader(EventHeaders.create("claim-builder", "E-" + claimId, claimId))
                .setClaimId(claimId)
                .setEncounterId("E-" + claimId)
                .setEncounterVersion(1)
                .setClaimType(ClaimType.PROFESSIONAL)
                .setState(ClaimState.SUBMITTED)
                .setCoverage(Coverage.newBuilder().setSequence(CoverageSequence.PRIMARY).setPayerId("ACME01")
                        .setPayerName("ACME HEALTH PLAN").setFinancialClass(FinancialClass.COMMERCIAL)
                        .setMemberId("W123456789").build())
                .setPatientId(patientId)
                .setPatient(Person.newBuilder().setFirstName("Jane").setLastName("Doe")
                        .setBirthDate(LocalDate.of(1980, 5, 17)).setSex(AdministrativeSex.FEMALE).build())
                .setBillingProvider(Provider.newBuilder().setNpi("1234567893").setName("General Hospital").build())
                .setFacility(Facility.newBuilder().setFacilityId("FAC1").setName("Main Campus").build())
                .setPlaceOfService("11")
                .setServiceDateFrom(LocalDate.of(2026, 11, 1))
                .setServiceDateTo(LocalDate.of(2026, 11, 1))
                .setDiagnoses(List.of(CodedDiagnosis.newBuilder().setSequence(1)
                        .setCode(Code.newBuilder().setSystem(CodeSystem.ICD10CM).setValue("I10").build())
                        .setSource(CodeSource.DOCUMENTED).build()))
                .setLines(lines)
                .setTotalCharge(Money.of(total))
                .setPaidAmount(Money.ZERO)
                .setAdjustmentAmount(Money.ZERO)
                .setPatientResponsibility(Money.ZERO)
                .setBalance(Money.of(total))
                .setCreatedAt(at)
                .setUpdatedAt(at)
                .build();
    }

    /** The claims of every fixture that names one of ours. */
    public static List<Claim> forFixtures() {
        return List.of(
                submitted("C1001", "P-1001", "120", "80"),
                submitted("C1002", "P-1002", "250", "150", "100"),
                submitted("C1003", "P-1003", "300"),
                submitted("C1004", "P-1004", "120"),
                submitted("C1005", "P-1005", "350"),
                submitted("C1006", "P-1006", "100"),
                submitted("C1008", "P-1008", "100"),
                submitted("C1010", "P-1010", "100", "60"));
    }
}
