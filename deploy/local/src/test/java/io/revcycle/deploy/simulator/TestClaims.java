package io.revcycle.deploy.simulator;

import io.revcycle.deploy.simulator.SubmittedClaim.ServiceLine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Claims as the simulator reads them, built directly for adjudication tests. Fictional people. */
final class TestClaims {

    static final LocalDate DOS = LocalDate.of(2026, 3, 2);
    static final LocalDate RECEIVED = LocalDate.of(2026, 3, 21);

    private TestClaims() {
    }

    /** A professional claim; {@code codeAndCharge} alternates CPT/HCPCS code and line charge. */
    static SubmittedClaim professional(String claimId, String payerId, String filingIndicator, String memberId,
                                       LocalDate dos, String... codeAndCharge) {
        List<ServiceLine> lines = new ArrayList<>();
        BigDecimal total = Money.ZERO;
        for (int i = 0; i < codeAndCharge.length; i += 2) {
            BigDecimal charge = Money.of(codeAndCharge[i + 1]);
            int number = i / 2 + 1;
            lines.add(new ServiceLine(number, "HC", codeAndCharge[i], List.of(), null, charge, BigDecimal.ONE, dos,
                    claimId + "-" + number));
            total = total.add(charge);
        }
        return new SubmittedClaim("000000001", "0001", false, claimId, total, "11", "1", filingIndicator, payerId,
                payerId + " PLAN", memberId, "DOE", "JOHN", null, null, "1234567893", "NORTHWIND FAMILY MEDICINE",
                "123456789", dos, dos, null, null, lines);
    }
}
