package io.revcycle.coding.codesets;

import io.revcycle.events.CodeSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeSetImporterTest {

    @Test
    void recognisesThePublishersFileNames() {
        assertEquals(CodeSetImporter.Kind.ICD10CM_ORDER, CodeSetImporter.kind(Path.of("icd10cm-order-2026.txt")));
        assertEquals(CodeSetImporter.Kind.ICD10CM_CODES, CodeSetImporter.kind(Path.of("icd10cm-codes-2026.txt")));
        assertEquals(CodeSetImporter.Kind.ICD10PCS_ORDER, CodeSetImporter.kind(Path.of("icd10pcs_order_2026.txt")));
        assertEquals(CodeSetImporter.Kind.HCPCS, CodeSetImporter.kind(Path.of("HCPC2026_JAN_ANWEB.txt")));
        assertNull(CodeSetImporter.kind(Path.of("HCPC2026_recordlayout.txt")));
        assertEquals(CodeSetImporter.Kind.PTP_PRACTITIONER, CodeSetImporter.kind(Path.of("ccipra-v321r0-f1.TXT")));
        assertEquals(CodeSetImporter.Kind.PTP_OUTPATIENT_HOSPITAL, CodeSetImporter.kind(Path.of("ccioph-v321r0-f1.txt")));
        assertEquals(CodeSetImporter.Kind.MUE_PRACTITIONER, CodeSetImporter.kind(Path.of("MCR_MUE_PractitionerServices_Eff_01-01-2026.txt")));
        assertEquals(CodeSetImporter.Kind.MUE_OUTPATIENT_HOSPITAL, CodeSetImporter.kind(Path.of("MCR_MUE_OutpatientHospitalServices_Eff_01-01-2026.txt")));
        assertNull(CodeSetImporter.kind(Path.of("MCR_MUE_DMESupplierServices.txt")));
        assertNull(CodeSetImporter.kind(Path.of("notes.pdf")));
    }

    @Test
    void importedFiscalYearReleaseGovernsFromItsEffectiveDateAndClosesTheStarter(@TempDir Path dir) throws IOException {
        copy("/codesets/icd10cm-order-header-and-billable.txt", dir.resolve("icd10cm-order-2026.txt"));
        copy("/codesets/icd10cm-codes-billable-only.txt", dir.resolve("icd10cm-codes-2026.txt"));
        copy("/codesets/hcpcs-continuation-modifier-and-termination.txt", dir.resolve("HCPC2026_JAN_ANWEB.txt"));
        copy("/codesets/ncci-ptp-with-headings.txt", dir.resolve("ccipra-v321r0-f1.txt"));
        copy("/codesets/mue-with-headings.txt", dir.resolve("MCR_MUE_PractitionerServices.txt"));
        CodeSets sets = StarterCodeSets.load();
        List<CodeSetImporter.FileImport> imports = new CodeSetImporter(sets)
                .importDirectory(dir, LocalDate.of(2025, 10, 1), "FY2026");
        assertEquals(4, imports.size(), "the codes file is skipped when the order file is present");
        CodeSet icd = sets.codeSet(CodeSystem.ICD10CM);
        assertEquals(LocalDate.of(2025, 9, 30), icd.releases().get(0).effectiveThrough());
        assertTrue(icd.lookup("J449", LocalDate.of(2025, 9, 30)).isPresent(), "starter still governs September");
        assertTrue(icd.lookup("J449", LocalDate.of(2025, 10, 1)).isEmpty(), "the fixture release has no J44.9");
        assertTrue(icd.lookup("E119", LocalDate.of(2025, 10, 1)).isPresent());
        assertEquals(3, sets.mue(CareSetting.PRACTITIONER).size());
        assertTrue(sets.versionOn(LocalDate.of(2025, 10, 2)).contains("ICD10CM:FY2026"));
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = CodeSetImporterTest.class.getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
    }

    @Test
    void commandLineCheckReportsEachFileAndFailsOnRejectedLines(@TempDir Path dir) throws IOException {
        copy("/codesets/icd10cm-order-header-and-billable.txt", dir.resolve("icd10cm-order-2026.txt"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean clean = CodeSetImportCheck.check(dir, LocalDate.of(2025, 10, 1), "FY2026", new PrintStream(bytes, true));
        String printed = bytes.toString();
        assertTrue(printed.contains("icd10cm-order-2026.txt") && printed.contains("ICD10CM_ORDER"), printed);
        assertTrue(printed.contains("ICD10CM:FY2026"), printed);
        assertFalse(clean, "the fixture has two broken lines");
    }
}
