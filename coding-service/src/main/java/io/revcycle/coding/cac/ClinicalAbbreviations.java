package io.revcycle.coding.cac;

import java.util.Map;

/**
 * Abbreviations clinicians write and the words code descriptions use for them. Expanded at query time
 * so "HTN" finds "Essential (primary) hypertension" and "CAD" finds "Atherosclerotic heart disease".
 */
public final class ClinicalAbbreviations {

    private ClinicalAbbreviations() {
    }

    /** Lower-case abbreviation (words separated by a space) to its expansion. */
    public static Map<String, String> standard() {
        return Map.ofEntries(
                Map.entry("htn", "essential hypertension"),
                Map.entry("dm", "diabetes mellitus"),
                Map.entry("dm2", "type 2 diabetes mellitus"),
                Map.entry("t2dm", "type 2 diabetes mellitus"),
                Map.entry("dm ii", "type 2 diabetes mellitus"),
                Map.entry("dm1", "type 1 diabetes mellitus"),
                Map.entry("t1dm", "type 1 diabetes mellitus"),
                Map.entry("chf", "congestive heart failure"),
                Map.entry("hf", "heart failure"),
                Map.entry("copd", "chronic obstructive pulmonary disease"),
                Map.entry("sob", "shortness of breath"),
                Map.entry("cad", "atherosclerotic heart disease native coronary artery"),
                Map.entry("afib", "atrial fibrillation"),
                Map.entry("a fib", "atrial fibrillation"),
                Map.entry("mi", "myocardial infarction"),
                Map.entry("stemi", "st elevation myocardial infarction"),
                Map.entry("cp", "chest pain"),
                Map.entry("uti", "urinary tract infection"),
                Map.entry("uri", "upper respiratory infection"),
                Map.entry("gerd", "gastro esophageal reflux disease"),
                Map.entry("bph", "benign prostatic hyperplasia"),
                Map.entry("luts", "lower urinary tract symptoms"),
                Map.entry("oa", "osteoarthritis"),
                Map.entry("hld", "hyperlipidemia"),
                Map.entry("ckd", "chronic kidney disease"),
                Map.entry("lbp", "low back pain"),
                Map.entry("uncomp", "without complications"),
                Map.entry("fx", "fracture"),
                Map.entry("abd", "abdominal"),
                Map.entry("rt", "right"),
                Map.entry("lt", "left"),
                Map.entry("bilat", "bilateral"),
                Map.entry("hx", "history"),
                Map.entry("flu", "influenza"),
                Map.entry("awv", "annual wellness visit"),
                Map.entry("mdd", "major depressive disorder"),
                Map.entry("gad", "generalized anxiety disorder"),
                Map.entry("flu shot", "immunization"),
                Map.entry("vaccine", "immunization"),
                Map.entry("vaccination", "immunization"),
                Map.entry("physical", "general medical examination"),
                Map.entry("checkup", "general medical examination"));
    }
}
