package io.revcycle.coding.codesets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/**
 * The curated starter set bundled with the service so that coding runs out of the box: common
 * ICD-10-CM diagnoses (order-file layout), a few ICD-10-PCS procedures, common HCPCS Level II codes
 * (HCPC record layout), CPT code numbers without descriptors, and small illustrative NCCI PTP and
 * MUE tables. A production deployment imports the official releases over it.
 */
public final class StarterCodeSets {

    /** Version label of the starter releases. */
    public static final String VERSION = "starter";
    /** The starter releases govern services from the start of FY2025 until an official release is imported. */
    public static final LocalDate EFFECTIVE_FROM = LocalDate.of(2024, 10, 1);

    private StarterCodeSets() {
    }

    /** A fresh registry holding the starter set. */
    public static CodeSets load() {
        CodeSets codeSets = new CodeSets();
        CodeSetImporter importer = new CodeSetImporter(codeSets);
        load(importer, CodeSetImporter.Kind.ICD10CM_ORDER, "icd10cm-order-starter.txt");
        load(importer, CodeSetImporter.Kind.ICD10PCS_ORDER, "icd10pcs-order-starter.txt");
        load(importer, CodeSetImporter.Kind.HCPCS, "hcpcs-starter.txt");
        load(importer, CodeSetImporter.Kind.CPT, "cpt-codes.txt");
        load(importer, CodeSetImporter.Kind.PTP_PRACTITIONER, "ncci-ptp-practitioner-starter.txt");
        load(importer, CodeSetImporter.Kind.MUE_PRACTITIONER, "mue-practitioner-starter.txt");
        // the illustrative tables stand in for the hospital tables too until the official ones are imported
        load(importer, CodeSetImporter.Kind.PTP_OUTPATIENT_HOSPITAL, "ncci-ptp-practitioner-starter.txt");
        load(importer, CodeSetImporter.Kind.MUE_OUTPATIENT_HOSPITAL, "mue-practitioner-starter.txt");
        return codeSets;
    }

    private static void load(CodeSetImporter importer, CodeSetImporter.Kind kind, String resource) {
        try (InputStream in = StarterCodeSets.class.getResourceAsStream("/codesets/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("starter code set missing from the build: " + resource);
            }
            importer.load(kind, resource, CodeSetImporter.reader(in), EFFECTIVE_FROM, VERSION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
