package io.revcycle.claims.scrub;

import io.revcycle.claims.ClaimScenarios;
import io.revcycle.events.Claim;
import io.revcycle.events.ClaimLine;
import io.revcycle.events.Coverage;
import io.revcycle.events.Provider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.revcycle.claims.scrub.ScrubTestClaims.CONTEXT;
import static io.revcycle.claims.scrub.ScrubTestClaims.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequiredFieldsRuleTest {

    private final RequiredFieldsRule rule = new RequiredFieldsRule();

    @Test
    void completeProfessionalAndInstitutionalClaimsPass() {
        assertEquals(List.of(), rule.check(ClaimScenarios.officeVisitClaim(), CONTEXT));
        assertEquals(List.of(), rule.check(ClaimScenarios.inpatientClaim(), CONTEXT));
    }

    @Test
    void missingTaxIdMemberIdAndPointersAreEachNamed() {
        Claim claim = ClaimScenarios.officeVisitClaim();
        Claim broken = Claim.newBuilder(claim)
                .setBillingProvider(Provider.newBuilder(claim.getBillingProvider()).setTaxId(null).build())
                .setCoverage(Coverage.newBuilder(claim.getCoverage()).setMemberId("").build())
                .setLines(List.of(ClaimLine.newBuilder(claim.getLines().get(0)).setDiagnosisPointers(List.of()).build()))
                .build();

        assertEquals(Set.of("billingProvider.taxId", "coverage.memberId", "lines[0].diagnosisPointers"),
                fields(rule.check(broken, CONTEXT)));
    }

    @Test
    void institutionalClaimNeedsRevenueCodesAndInpatientAdmissionData() {
        Claim claim = ClaimScenarios.inpatientClaim();
        Claim broken = Claim.newBuilder(claim).setAdmissionDate(null).setDischargeStatus(null)
                .setLines(List.of(ClaimLine.newBuilder(claim.getLines().get(0)).setRevenueCode(null).build()))
                .build();

        assertTrue(fields(rule.check(broken, CONTEXT)).containsAll(
                Set.of("admissionDate", "dischargeStatus", "lines[0].revenueCode")));
    }
}
