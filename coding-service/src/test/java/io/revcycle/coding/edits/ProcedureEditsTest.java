package io.revcycle.coding.edits;

import io.revcycle.coding.codesets.CodeSets;
import io.revcycle.coding.codesets.StarterCodeSets;
import io.revcycle.events.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.revcycle.coding.edits.Drafts.draft;
import static io.revcycle.coding.edits.Drafts.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** NCCI PTP, MUE and units edits over the starter tables. */
class ProcedureEditsTest {

    private final CodeSets codeSets = StarterCodeSets.load();
    private final NcciPtpEdit ncci = new NcciPtpEdit(codeSets);
    private final MueEdit mue = new MueEdit(codeSets);
    private final ServiceUnitsEdit units = new ServiceUnitsEdit();

    @Test
    void indicatorZeroPairIsNeverBilledTogetherEvenWithAModifier() {
        var findings = ncci.check(draft().dx("I10").line("93000").line("93010", 1, List.of("59")).build());
        assertEquals(List.of("NCCI_PTP"), rules(findings));
        assertEquals(2, findings.get(0).finding().getLineNumber(), "reported on the column 2 line");
        assertEquals(List.of("93000", "93010"), findings.get(0).finding().getCodes());
    }

    @Test
    void indicatorOnePairNeedsABypassModifier() {
        assertEquals(List.of("NCCI_PTP"), rules(ncci.check(draft().dx("R07.9").line("97530").line("97110").build())));
        var bypassed = ncci.check(draft().dx("R07.9").line("97530").line("97110", 1, List.of("XU")).build());
        assertEquals(List.of("NCCI_PTP_BYPASSED"), rules(bypassed));
        assertEquals(Severity.INFO, bypassed.get(0).finding().getSeverity());
    }

    @Test
    void evaluationAndManagementWithAProcedureIsBypassedByModifier25Only() {
        assertEquals(List.of("NCCI_PTP"),
                rules(ncci.check(draft().dx("M17.11").line("99213", 1, List.of("59")).line("20610").build())),
                "59 does not separate an E/M visit");
        assertEquals(List.of("NCCI_PTP_BYPASSED"),
                rules(ncci.check(draft().dx("M17.11").line("99213", 1, List.of("25")).line("20610").build())));
    }

    @Test
    void pairsWithoutAnEditAndDeletedPairsPass() {
        assertTrue(ncci.check(draft().dx("I10").line("99213").line("93000").build()).isEmpty());
        assertTrue(ncci.check(draft().dx("Z23").line("90686").line("90471").build()).isEmpty(), "indicator 9");
    }

    @Test
    void mueLineEditCountsEachLineAlone() {
        assertEquals(List.of("MUE_LINE"), rules(mue.check(draft().dx("M17.0").line("20610", 3, List.of()).build())));
        assertTrue(mue.check(draft().dx("M17.0").line("20610", 2, List.of()).line("20610", 2, List.of()).build()).isEmpty(),
                "indicator 1: two lines of two units each pass");
    }

    @Test
    void mueDateOfServiceEditAddsUnitsAcrossLines() {
        var findings = mue.check(draft().dx("D64.9").line("36415", 2, List.of()).line("36415", 1, List.of()).build());
        assertEquals(List.of("MUE_DATE_OF_SERVICE"), rules(findings));
        assertEquals(2, findings.get(0).finding().getLineNumber());
        assertTrue(mue.check(draft().dx("D64.9").line("36415", 2, List.of()).build()).isEmpty());
    }

    @Test
    void zeroUnitsAreNamedNotThrown() {
        assertEquals(List.of("UNITS_INVALID"), rules(units.check(draft().dx("I10").line("93000", 0, List.of()).build())));
        assertTrue(mue.check(draft().dx("I10").line("93000", 0, List.of()).build()).isEmpty());
    }
}
