package io.revcycle.claims.topology;

import io.revcycle.claims.ClaimScenarios;
import io.revcycle.events.Claim;
import io.revcycle.events.Coverage;
import io.revcycle.events.FinancialClass;
import io.revcycle.schemas.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferenceDataTest {

    @TempDir
    Path dir;

    @Test
    void withoutADirectoryTheBundledStarterFilesPriceAndConfigurePayers() {
        ReferenceData data = new ReferenceData("");

        Claim priced = data.pricer().price(ClaimScenarios.officeVisitClaim());
        assertEquals(Money.of("104.47"), priced.getExpectedReimbursement());
        assertEquals(365, data.payers().forCoverage(priced.getCoverage()).timelyFilingDays());
    }

    @Test
    void facilityFileContractsAndPayerSettingsFromTheDirectoryWin() throws IOException {
        Files.writeString(dir.resolve("fee-schedule-NW-CLINIC.csv"), "code,amount\n99213,200.00\n36415,10.00\n");
        Files.writeString(dir.resolve("contracts.csv"), "MEDICARE,*,PERCENT,50\n");
        Files.writeString(dir.resolve("payers.csv"), "*,90,\nACME,30,TAXONOMY_CODE;PLACE_OF_SERVICE\n");
        ReferenceData data = new ReferenceData(dir.toString());

        assertEquals(Money.of("105.00"), data.pricer().price(ClaimScenarios.officeVisitClaim()).getExpectedReimbursement());
        Coverage acme = Coverage.newBuilder(ClaimScenarios.officeVisitClaim().getCoverage()).setPayerId("ACME")
                .setFinancialClass(FinancialClass.COMMERCIAL).build();
        assertEquals(30, data.payers().forCoverage(acme).timelyFilingDays());
        assertEquals(Set.of("TAXONOMY_CODE", "PLACE_OF_SERVICE"), data.payers().forCoverage(acme).disabledRules());
        assertEquals(90, data.payers().forCoverage(Coverage.newBuilder(acme).setPayerId("OTHER").build()).timelyFilingDays());
    }

    @Test
    void malformedFileStopsTheStartWithItsLineNumber() throws IOException {
        Files.writeString(dir.resolve("payers.csv"), "payerId,timelyFilingDays,disabledRules\nACME,ninety,\n");

        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> new ReferenceData(dir.toString()));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
}
