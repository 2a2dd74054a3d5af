package io.revcycle.claims.assembly;

import io.revcycle.claims.ClaimScenarios;
import io.revcycle.events.Claim;
import io.revcycle.events.ClaimState;
import io.revcycle.events.ClaimType;
import io.revcycle.events.CodedEncounter;
import io.revcycle.events.EncounterReceived;
import io.revcycle.events.EncounterClass;
import io.revcycle.schemas.Money;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClaimAssemblerTest {

    private final ClaimAssembler assembler = new ClaimAssembler();

    @Test
    void officeVisitBecomesACreatedProfessionalClaimForThePrimaryPayer() {
        Claim claim = assembler.assemble(ClaimScenarios.officeVisitTwoLines(), ClaimScenarios.NOW).orElseThrow();

        assertEquals(ClaimType.PROFESSIONAL, claim.getClaimType());
        assertEquals(ClaimState.CREATED, claim.getState());
        assertEquals(List.of(ClaimState.CREATED), claim.getHistory().stream().map(h -> h.getState()).toList());
        assertEquals("1", claim.getFrequencyCode());
        assertEquals("MEDICARE", claim.getCoverage().getPayerId());
        assertEquals(Money.of("140.00"), claim.getTotalCharge());
        assertEquals(Money.of("140.00"), claim.getBalance());
        assertEquals(2, claim.getLines().size());
        assertNull(claim.getTypeOfBill());
        assertTrue(claim.getProcedures().isEmpty());
        assertEquals(ClaimIds.of("ENC-OV-1001", "MEDICARE"), claim.getClaimId());
    }

    @Test
    void hospitalInpatientStayBecomesAnInstitutionalClaimWithTypeOfBillAndIcd10PcsProcedures() {
        Claim claim = assembler.assemble(ClaimScenarios.inpatientStay(), ClaimScenarios.NOW).orElseThrow();

        assertEquals(ClaimType.INSTITUTIONAL, claim.getClaimType());
        assertEquals("0111", claim.getTypeOfBill());
        assertEquals("0DTJ4ZZ", claim.getProcedures().get(0).getCode().getValue());
        assertEquals(ClaimScenarios.inpatientStay().getEncounter().getAdmissionDate(), claim.getAdmissionDate());
        assertEquals("01", claim.getDischargeStatus());
        assertEquals("0110", claim.getLines().get(0).getRevenueCode());
    }

    @Test
    void hospitalEmergencyVisitIsInstitutionalOutpatientBill() {
        CodedEncounter coded = ClaimScenarios.inpatientStay();
        EncounterReceived ed = EncounterReceived.newBuilder(coded.getEncounter())
                .setEncounterClass(EncounterClass.EMERGENCY).build();
        Claim claim = assembler.assemble(CodedEncounter.newBuilder(coded).setEncounter(ed).build(),
                ClaimScenarios.NOW).orElseThrow();

        assertEquals(ClaimType.INSTITUTIONAL, claim.getClaimType());
        assertEquals("0131", claim.getTypeOfBill());
    }

    @Test
    void replayOfTheSameEncounterGivesTheSameClaimIdAndAnotherPayerAnother() {
        String first = assembler.assemble(ClaimScenarios.officeVisitTwoLines(), ClaimScenarios.NOW).orElseThrow().getClaimId();
        String again = assembler.assemble(ClaimScenarios.officeVisitTwoLines(), ClaimScenarios.NOW.plusSeconds(60))
                .orElseThrow().getClaimId();

        assertEquals(first, again);
        assertTrue(first.length() <= 20, "CLM01 holds at most 20 characters");
        assertTrue(!first.equals(ClaimIds.of("ENC-OV-1001", "COMMERCIAL")));
    }

    @Test
    void selfPayEncounterMakesNoPayerClaim() {
        CodedEncounter coded = ClaimScenarios.officeVisitTwoLines();
        EncounterReceived selfPay = EncounterReceived.newBuilder(coded.getEncounter()).setSelfPay(true)
                .setCoverages(List.of()).build();

        assertTrue(assembler.assemble(CodedEncounter.newBuilder(coded).setEncounter(selfPay).build(),
                ClaimScenarios.NOW).isEmpty());
    }
}
