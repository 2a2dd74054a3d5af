package io.revcycle.coding.codesets;

import io.revcycle.events.CodeSystem;

import java.util.Locale;
import java.util.regex.Pattern;

/** The shapes codes of each system take, and their normal form (upper case, no dot, no spaces). */
public final class CodeFormat {

    private static final Pattern TOKEN = Pattern.compile("[A-Z0-9]{3,7}");
    private static final Pattern ICD10CM = Pattern.compile("[A-Z][0-9][0-9A-Z]([0-9A-Z]{1,4})?");
    private static final Pattern ICD10PCS = Pattern.compile("[0-9A-HJ-NP-Z]{7}");
    private static final Pattern CPT = Pattern.compile("[0-9]{4}[0-9FTU]");
    private static final Pattern HCPCS = Pattern.compile("[A-V][0-9]{4}");

    private CodeFormat() {
    }

    /** Upper case without dots or surrounding spaces: {@code " e11.9 "} becomes {@code E119}. */
    public static String normalize(String code) {
        return code == null ? "" : code.trim().replace(".", "").toUpperCase(Locale.ROOT);
    }

    /** True when the normalized code has the shape of a code of that system. */
    public static boolean isWellFormed(CodeSystem system, String normalized) {
        return switch (system) {
            case ICD10CM -> ICD10CM.matcher(normalized).matches();
            case ICD10PCS -> ICD10PCS.matcher(normalized).matches();
            case CPT -> CPT.matcher(normalized).matches();
            case HCPCS -> isHcpcsLevelTwo(normalized);
            default -> TOKEN.matcher(normalized).matches();
        };
    }

    /** A HCPCS Level II code: a letter and four digits. */
    public static boolean isHcpcsLevelTwo(String code) {
        return HCPCS.matcher(code).matches();
    }

    /** Something that may be a code in a publisher's file column. */
    static boolean isCodeToken(String value) {
        return TOKEN.matcher(value).matches();
    }

    /** ICD-10-CM with the dot after the category, for people: {@code E119} reads {@code E11.9}. */
    public static String display(CodeSystem system, String normalized) {
        if (system == CodeSystem.ICD10CM && normalized.length() > 3) {
            return normalized.substring(0, 3) + "." + normalized.substring(3);
        }
        return normalized;
    }
}
