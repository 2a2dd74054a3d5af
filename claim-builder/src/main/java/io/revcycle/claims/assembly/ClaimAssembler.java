package io.revcycle.claims.assembly;

import io.revcycle.events.Claim;
import io.revcycle.events.ClaimLine;
import io.revcycle.events.ClaimState;
import io.revcycle.events.ClaimTransition;
import io.revcycle.events.ClaimType;
import io.revcycle.events.CodeSystem;
import io.revcycle.events.CodedEncounter;
import io.revcycle.events.CodedProcedure;
import io.revcycle.events.CodedServiceLine;
import io.revcycle.events.Coverage;
import io.revcycle.events.CoverageSequence;
import io.revcycle.events.EncounterClass;
import io.revcycle.events.EncounterReceived;
import io.revcycle.events.FacilityKind;
import io.revcycle.schemas.EventHeaders;
import io.revcycle.schemas.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a coded encounter into the claim for its primary payer. The claim is only assembled here;
 * pricing and scrubbing come after, so an encounter missing what a claim needs still becomes a
 * claim (that then fails the scrub with reasons) rather than an error.
 */
public final class ClaimAssembler {

    /** Producer name written in event headers. */
    public static final String PRODUCER = "claim-builder";

    private static final Set<EncounterClass> HOSPITAL_CLASSES = EnumSet.of(
            EncounterClass.INPATIENT, EncounterClass.OUTPATIENT, EncounterClass.EMERGENCY, EncounterClass.OBSERVATION);

    /**
     * The claim for the encounter's primary coverage, in state CREATED; empty when the encounter is
     * self-pay or has no coverage (nothing to bill a payer).
     */
    public Optional<Claim> assemble(CodedEncounter coded, Instant now) {
        EncounterReceived encounter = coded.getEncounter();
        Optional<Coverage> primary = primaryCoverage(encounter);
        if (encounter.getSelfPay() || primary.isEmpty()) {
            return Optional.empty();
        }
        Coverage coverage = primary.get();
        String claimId = ClaimIds.of(coded.getEncounterId(), coverage.getPayerId());
        ClaimType type = claimType(encounter);
        boolean institutional = type == ClaimType.INSTITUTIONAL;
        List<ClaimLine> lines = new ArrayList<>();
        for (CodedServiceLine line : coded.getServiceLines()) {
            lines.add(ClaimLine.newBuilder()
                    .setLineNumber(line.getLineNumber())
                    .setCode(line.getCode())
                    .setModifiers(new ArrayList<>(line.getModifiers()))
                    .setUnits(line.getUnits())
                    .setChargeAmount(Money.of(line.getChargeAmount()))
                    .setServiceDate(line.getServiceDate())
                    .setDiagnosisPointers(new ArrayList<>(line.getDiagnosisPointers()))
                    .setRevenueCode(line.getRevenueCode())
                    .setNdc(line.getNdc())
                    .build());
        }
        lines.sort(Comparator.comparingInt(ClaimLine::getLineNumber));
        List<CodedProcedure> procedures = institutional
                ? coded.getProcedures().stream().filter(p -> p.getCode().getSystem() == CodeSystem.ICD10PCS).toList()
                : List.of();
        BigDecimal total = Money.sum(lines.stream().map(ClaimLine::getChargeAmount).toList());
        Instant at = now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return Optional.of(Claim.newBuilder()
                .setHeader(EventHeaders.following(coded.getHeader(), PRODUCER, claimId))
                .setClaimId(claimId)
                .setEncounterId(coded.getEncounterId())
                .setEncounterVersion(coded.getEncounterVersion())
                .setClaimType(type)
                .setState(ClaimState.CREATED)
                .setHistory(new ArrayList<>(List.of(new ClaimTransition(ClaimState.CREATED, at, null))))
                .setFrequencyCode("1")
                .setCoverage(coverage)
                .setPatientId(encounter.getPatientId())
                .setPatient(encounter.getPatient())
                .setBillingProvider(encounter.getBillingProvider())
                .setRenderingProvider(encounter.getRenderingProvider())
                .setReferringProvider(encounter.getReferringProvider())
                .setAttendingProvider(encounter.getAttendingProvider())
                .setFacility(encounter.getFacility())
                .setPlaceOfService(encounter.getPlaceOfService())
                .setTypeOfBill(institutional ? typeOfBill(encounter.getEncounterClass()) : null)
                .setServiceDateFrom(encounter.getServiceDateFrom())
                .setServiceDateTo(encounter.getServiceDateTo())
                .setAdmissionDate(institutional ? encounter.getAdmissionDate() : null)
                .setDischargeDate(institutional ? encounter.getDischargeDate() : null)
                .setAdmissionType(institutional ? encounter.getAdmissionType() : null)
                .setDischargeStatus(institutional ? encounter.getDischargeStatus() : null)
                .setDiagnoses(new ArrayList<>(coded.getDiagnoses()))
                .setProcedures(new ArrayList<>(procedures))
                .setLines(lines)
                .setTotalCharge(total)
                .setPaidAmount(Money.ZERO)
                .setAdjustmentAmount(Money.ZERO)
                .setPatientResponsibility(Money.ZERO)
                .setBalance(total)
                .setCreatedAt(at)
                .setUpdatedAt(at)
                .build());
    }

    /** Institutional (837I) for hospital inpatient, outpatient, emergency and observation care. */
    static ClaimType claimType(EncounterReceived encounter) {
        return encounter.getFacility().getKind() == FacilityKind.HOSPITAL
                && HOSPITAL_CLASSES.contains(encounter.getEncounterClass())
                ? ClaimType.INSTITUTIONAL : ClaimType.PROFESSIONAL;
    }

    /** Hospital (1) + inpatient (1) or outpatient (3) + frequency 1 (admit through discharge / original). */
    static String typeOfBill(EncounterClass encounterClass) {
        return encounterClass == EncounterClass.INPATIENT ? "0111" : "0131";
    }

    private static Optional<Coverage> primaryCoverage(EncounterReceived encounter) {
        return encounter.getCoverages().stream()
                .filter(c -> c.getSequence() == CoverageSequence.PRIMARY)
                .findFirst();
    }
}
