package io.revcycle.claims.x12;

import java.time.LocalDateTime;

/** Trading-partner settings and the moment used by the golden files. */
final class X12Fixtures {

    static final X12Settings SETTINGS = new X12Settings("REVCYCLE01", "REVCYCLE BILLING", "EDI DESK", "5555550100",
            "CLEARHOUSE01", "ACME CLEARINGHOUSE", "T");
    static final LocalDateTime CREATED = LocalDateTime.of(2026, 3, 20, 15, 30);

    private X12Fixtures() {
    }
}
