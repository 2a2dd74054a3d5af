package io.revcycle.coding.codesets;

import io.revcycle.coding.Fixtures;
import io.revcycle.events.CodeSystem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublisherFileReadersTest {

    @Test
    void codesFileHoldsBillableCodesWithLongDescriptionsOnly() throws Exception {
        Loaded<CodeEntry> loaded = new IcdCodesFileReader().read(Fixtures.reader("codesets/icd10cm-codes-billable-only.txt"));
        assertEquals(3, loaded.items().size());
        CodeEntry puncture = loaded.items().get(2);
        assertEquals("S61230A", puncture.code());
        assertTrue(puncture.billable());
        assertNull(puncture.shortDescription());
        assertEquals("Puncture wound without foreign body of right index finger without damage to nail, initial encounter",
                puncture.longDescription());
        assertEquals(1, loaded.rejected().size());
    }

    @Test
    void hcpcsRecordsJoinContinuationsSkipModifiersAndKeepTerminationDates() throws Exception {
        Loaded<CodeEntry> loaded = new HcpcsFileReader().read(
                Fixtures.reader("codesets/hcpcs-continuation-modifier-and-termination.txt"));
        Map<String, CodeEntry> byCode = loaded.items().stream().collect(Collectors.toMap(CodeEntry::code, Function.identity()));
        assertEquals(3, byCode.size(), "two codes and one terminated code; the modifier record is skipped");
        assertEquals("Injection, dexamethasone sodium phosphate, 1 mg", byCode.get("J1100").longDescription());
        assertEquals("Dexamethasone sodium phos", byCode.get("J1100").shortDescription());
        String g2211 = byCode.get("G2211").longDescription();
        assertTrue(g2211.contains("associated with medical care services that serve"), g2211);
        assertTrue(g2211.endsWith("needed health care services"), g2211);
        CodeEntry terminated = byCode.get("Q9999");
        assertEquals(LocalDate.of(2023, 12, 31), terminated.terminatedOn());
        assertTrue(terminated.ownDatesCover(LocalDate.of(2023, 12, 31)));
        assertFalse(terminated.ownDatesCover(LocalDate.of(2024, 1, 1)));
        assertEquals(1, loaded.rejected().size(), "a Level I code in the Level II file is reported");
    }

    @Test
    void ptpTableSkipsHeadingsAndAppliesDatesAndModifierIndicators() throws Exception {
        Loaded<PtpEdit> loaded = NcciPtpTable.read(Fixtures.reader("codesets/ncci-ptp-with-headings.txt"));
        assertEquals(4, loaded.items().size());
        assertEquals(1, loaded.rejected().size(), "the line with a dashed date is reported");
        NcciPtpTable table = new NcciPtpTable(loaded.items());
        LocalDate dos = LocalDate.of(2025, 6, 2);
        assertEquals(PtpEdit.ModifierIndicator.NOT_ALLOWED, table.between("93005", "93000", dos).orElseThrow().modifierIndicator(),
                "pairs are found in either order");
        PtpEdit em = table.between("20610", "99213", dos).orElseThrow();
        assertTrue(em.existedBefore1996());
        assertEquals(PtpEdit.ModifierIndicator.ALLOWED, em.modifierIndicator());
        assertTrue(table.between("36415", "99211", LocalDate.of(2014, 12, 31)).isPresent());
        assertTrue(table.between("36415", "99211", LocalDate.of(2015, 1, 1)).isEmpty(), "deleted on its deletion date");
        assertTrue(table.between("90686", "90471", dos).isEmpty(), "indicator 9 never applies");
    }

    @Test
    void mueTableReadsAdjudicationIndicatorFromItsText() throws Exception {
        Loaded<MueLimit> loaded = MueTable.read(Fixtures.reader("codesets/mue-with-headings.txt"));
        MueTable table = new MueTable(loaded.items());
        assertEquals(3, table.size());
        assertEquals(MueLimit.AdjudicationIndicator.LINE, table.limitFor("20610").orElseThrow().adjudication());
        assertEquals(MueLimit.AdjudicationIndicator.DATE_OF_SERVICE_CLINICAL, table.limitFor("36415").orElseThrow().adjudication());
        assertEquals(1, table.limitFor("99213").orElseThrow().maxUnits());
        assertEquals(1, loaded.rejected().size(), "a non-numeric MUE value is reported");
    }

    @Test
    void cptListCarriesCodeNumbersOnly() throws Exception {
        Loaded<CodeEntry> loaded = new CodeListReader(CodeSystem.CPT).read(
                new java.io.BufferedReader(new java.io.StringReader("99213\n9921\n0001U\n")));
        assertEquals(2, loaded.items().size());
        assertNull(loaded.items().get(0).description());
        assertEquals(1, loaded.rejected().size());
    }
}
