package io.revcycle.ingest.validation;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Shapes of the code systems an encounter carries. Whether a code exists (and is billable on the
 * date of service) is the coding service's question; here we only refuse what cannot be a code.
 */
public final class CodeShapes {

    private static final Pattern ICD10CM = Pattern.compile("[A-TV-Z][0-9][0-9A-Z](\\.?[0-9A-Z]{1,4})?");
    private static final Pattern ICD10PCS = Pattern.compile("[0-9A-HJ-NP-Z]{7}");
    private static final Pattern CPT = Pattern.compile("[0-9]{5}|[0-9]{4}[FT]");
    private static final Pattern HCPCS = Pattern.compile("[A-V][0-9]{4}");
    private static final Pattern MODIFIER = Pattern.compile("[0-9A-Z]{2}");

    private CodeShapes() {
    }

    /** ICD-10-CM such as {@code E11.9} or {@code E119}. */
    public static boolean isIcd10Cm(String code) {
        return code != null && ICD10CM.matcher(code.toUpperCase(Locale.ROOT)).matches();
    }

    /** ICD-10-PCS: seven characters, no I or O. */
    public static boolean isIcd10Pcs(String code) {
        return code != null && ICD10PCS.matcher(code.toUpperCase(Locale.ROOT)).matches();
    }

    /** CPT: five digits (category I) or four digits and F (category II) or T (category III). */
    public static boolean isCpt(String code) {
        return code != null && CPT.matcher(code.toUpperCase(Locale.ROOT)).matches();
    }

    /** HCPCS Level II: a letter and four digits. */
    public static boolean isHcpcs(String code) {
        return code != null && HCPCS.matcher(code.toUpperCase(Locale.ROOT)).matches();
    }

    /** A procedure modifier: two letters or digits. */
    public static boolean isModifier(String modifier) {
        return modifier != null && MODIFIER.matcher(modifier.toUpperCase(Locale.ROOT)).matches();
    }

    /** The ICD-10 value as the contract stores it: upper case, no dot. */
    public static String icd10Value(String code) {
        return code.trim().toUpperCase(Locale.ROOT).replace(".", "");
    }
}
