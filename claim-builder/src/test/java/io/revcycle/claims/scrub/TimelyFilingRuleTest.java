package io.revcycle.claims.scrub;

import io.revcycle.claims.ClaimScenarios;
import io.revcycle.events.Claim;
import io.revcycle.events.Coverage;
import io.revcycle.events.FinancialClass;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimelyFilingRuleTest {

    private final TimelyFilingRule rule = new TimelyFilingRule();

    @Test
    void lastDayOfTheWindowPassesAndTheNextDayFails() {
        Claim claim = ClaimScenarios.officeVisitClaim();
        LocalDate dos = claim.getServiceDateFrom();

        assertEquals(List.of(), rule.check(claim, new ScrubContext(dos.plusDays(90), PayerRules.standard(90))));
        assertEquals(1, rule.check(claim, new ScrubContext(dos.plusDays(91), PayerRules.standard(90))).size());
    }

    @Test
    void medicarePayersWithoutOwnSettingsGet365Days() {
        PayerRulesCatalog catalog = new PayerRulesCatalog(Map.of("ACME", PayerRules.standard(90)), PayerRules.standard(180));
        Coverage medicare = ClaimScenarios.officeVisitClaim().getCoverage();
        Coverage other = Coverage.newBuilder(medicare).setPayerId("OTHER").setFinancialClass(FinancialClass.COMMERCIAL).build();

        assertEquals(365, catalog.forCoverage(medicare).timelyFilingDays());
        assertEquals(180, catalog.forCoverage(other).timelyFilingDays());
        assertEquals(90, catalog.forCoverage(Coverage.newBuilder(other).setPayerId("ACME").build()).timelyFilingDays());
        assertEquals(Set.of(), catalog.forCoverage(other).disabledRules());
    }
}
