package io.revcycle.claims.scrub;

import io.revcycle.events.Address;
import io.revcycle.events.Claim;
import io.revcycle.events.ClaimLine;
import io.revcycle.events.ClaimType;
import io.revcycle.events.Finding;

import java.util.ArrayList;
import java.util.List;

/**
 * Fields the 837 requires: for both types billing provider NPI, tax id and address, member id,
 * at least one diagnosis and one line with a code, units and pointers; for institutional claims
 * also the type of bill, a revenue code on every line, and admission data on inpatient bills.
 */
public final class RequiredFieldsRule implements ScrubRule {

    public static final String NAME = "REQUIRED";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> check(Claim claim, ScrubContext context) {
        List<Finding> findings = new ArrayList<>();
        require(findings, claim.getBillingProvider().getNpi(), "billingProvider.npi");
        require(findings, claim.getBillingProvider().getTaxId(), "billingProvider.taxId");
        Address address = claim.getBillingProvider().getAddress();
        if (address == null) {
            findings.add(Findings.error(NAME, "billingProvider.address", "billing provider address is required"));
        }
        require(findings, claim.getCoverage().getMemberId(), "coverage.memberId");
        require(findings, claim.getCoverage().getPayerId(), "coverage.payerId");
        if (claim.getDiagnoses().isEmpty()) {
            findings.add(Findings.error(NAME, "diagnoses", "at least one diagnosis is required"));
        }
        if (claim.getLines().isEmpty()) {
            findings.add(Findings.error(NAME, "lines", "at least one service line is required"));
        }
        boolean institutional = claim.getClaimType() == ClaimType.INSTITUTIONAL;
        for (int i = 0; i < claim.getLines().size(); i++) {
            ClaimLine line = claim.getLines().get(i);
            String path = "lines[" + i + "]";
            if (line.getUnits() <= 0) {
                findings.add(Findings.lineError(NAME, path + ".units", "units must be positive", line.getLineNumber()));
            }
            if (institutional) {
                if (blank(line.getRevenueCode())) {
                    findings.add(Findings.lineError(NAME, path + ".revenueCode",
                            "institutional lines need a revenue code", line.getLineNumber()));
                }
            } else {
                if (blank(line.getCode().getValue())) {
                    findings.add(Findings.lineError(NAME, path + ".code", "procedure code is required",
                            line.getLineNumber()));
                }
                if (line.getDiagnosisPointers().isEmpty()) {
                    findings.add(Findings.lineError(NAME, path + ".diagnosisPointers",
                            "at least one diagnosis pointer is required", line.getLineNumber()));
                }
            }
        }
        if (institutional) {
            require(findings, claim.getTypeOfBill(), "typeOfBill");
            if (claim.getTypeOfBill() != null && claim.getTypeOfBill().startsWith("011")) {
                if (claim.getAdmissionDate() == null) {
                    findings.add(Findings.error(NAME, "admissionDate", "inpatient bills need an admission date"));
                }
                require(findings, claim.getAdmissionType(), "admissionType");
                require(findings, claim.getDischargeStatus(), "dischargeStatus");
            }
            if (claim.getAttendingProvider() == null) {
                findings.add(Findings.error(NAME, "attendingProvider", "institutional claims need an attending provider"));
            }
        }
        return findings;
    }

    private static void require(List<Finding> findings, String value, String field) {
        if (blank(value)) {
            findings.add(Findings.error(NAME, field, field + " is required"));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
