package io.revcycle.coding.codesets;

import io.revcycle.coding.Fixtures;
import io.revcycle.events.CodeSystem;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class IcdOrderFileReaderTest {

    private final IcdOrderFileReader reader = new IcdOrderFileReader(CodeSystem.ICD10CM);

    @Test
    void readsEveryRealCmsLineWithHeaderFlagAndBothDescriptions() throws Exception {
        var sample = Fixtures.cmsOrderFileSample();
        assumeTrue(sample.isPresent(), "CMS sample lines not present in this checkout");
        Loaded<CodeEntry> loaded;
        try (BufferedReader in = Files.newBufferedReader(sample.get())) {
            loaded = reader.read(in);
        }
        assertEquals(2137, loaded.items().size(), "one entry per line of the sample");
        assertTrue(loaded.rejected().isEmpty(), "no real CMS line is rejected");
        Map<String, CodeEntry> byCode = byCode(loaded);
        assertFalse(byCode.get("A00").billable(), "A00 is a category header");
        assertTrue(byCode.get("A000").billable());
        assertEquals("Cholera due to Vibrio cholerae 01, biovar cholerae", byCode.get("A000").longDescription());
        CodeEntry torus = byCode.get("S52521A");
        assertEquals("Torus fracture of lower end of right radius, init", torus.shortDescription());
        assertEquals("Torus fracture of lower end of right radius, initial encounter for closed fracture",
                torus.longDescription());
        assertTrue(byCode.get("E1137X1").billable(), "codes with placeholder X are read whole");
    }

    @Test
    void fixtureTellsHeadersFromBillableCodesAndReportsBrokenLines() throws Exception {
        Loaded<CodeEntry> loaded = reader.read(Fixtures.reader("codesets/icd10cm-order-header-and-billable.txt"));
        Map<String, CodeEntry> byCode = byCode(loaded);
        assertFalse(byCode.get("E11").billable());
        assertFalse(byCode.get("E110").billable());
        assertTrue(byCode.get("E1100").billable());
        assertTrue(byCode.get("I10").billable());
        assertEquals("Essential (primary) hypertension", byCode.get("I10").shortDescription());
        assertEquals("Torus fracture of lower end of right radius, initial encounter for closed fracture",
                byCode.get("S52521A").longDescription());
        assertEquals(2, loaded.rejected().size(), "a free-text line and a bad flag are reported, not fatal");
        assertEquals(9, loaded.rejected().get(0).lineNumber());
    }

    @Test
    void readsIcd10PcsOrderFileWithTheSameLayout() throws Exception {
        Loaded<CodeEntry> loaded;
        try (var in = StarterCodeSets.class.getResourceAsStream("/codesets/icd10pcs-order-starter.txt")) {
            loaded = new IcdOrderFileReader(CodeSystem.ICD10PCS).read(CodeSetImporter.reader(in));
        }
        Map<String, CodeEntry> byCode = byCode(loaded);
        assertFalse(byCode.get("0DT").billable());
        assertEquals("Resection of Appendix, Percutaneous Endoscopic Approach", byCode.get("0DTJ4ZZ").longDescription());
        assertEquals(CodeSystem.ICD10PCS, byCode.get("0DTJ4ZZ").system());
    }

    private static Map<String, CodeEntry> byCode(Loaded<CodeEntry> loaded) {
        return loaded.items().stream().collect(Collectors.toMap(CodeEntry::code, Function.identity()));
    }

}
