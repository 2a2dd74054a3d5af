package io.revcycle.coding.edits;

import java.util.List;

/**
 * ICD-10-CM code prefixes that only apply to one sex, pregnancy codes (females aged 12 to 55) and
 * newborn codes (first 28 days of life), after the CMS Medicare Code Editor lists. Prefixes, no dots.
 */
public record SexSpecificCodes(List<String> maleOnly, List<String> femaleOnly, List<String> pregnancy,
                               List<String> newborn, int pregnancyMinAge, int pregnancyMaxAge, int newbornMaxDays) {

    /** The default lists: the common categories of each kind. */
    public static SexSpecificCodes standard() {
        return new SexSpecificCodes(
                List.of("B260", "C60", "C61", "C62", "C63", "D074", "D075", "D076", "D29", "D40", "E290", "E291",
                        "I861", "L291", "N40", "N41", "N42", "N43", "N44", "N45", "N46", "N47", "N48", "N49", "N50",
                        "N51", "N52", "N53", "Q53", "Q54", "Q55", "R361", "Z125", "Z8042", "Z8546"),
                List.of("A34", "B373", "C51", "C52", "C53", "C54", "C55", "C56", "C57", "C58", "D06", "D070", "D071",
                        "D072", "D073", "D25", "D26", "D27", "D28", "D39", "E28", "N70", "N71", "N72", "N73", "N74",
                        "N75", "N76", "N77", "N80", "N81", "N82", "N83", "N84", "N85", "N86", "N87", "N88", "N89",
                        "N90", "N91", "N92", "N93", "N94", "N95", "N96", "N97", "N98", "O", "Q50", "Q51", "Q52",
                        "R87", "Z014", "Z124", "Z30", "Z31", "Z32", "Z33", "Z34", "Z35", "Z36", "Z37", "Z39", "Z3A"),
                List.of("O", "Z33", "Z34", "Z35", "Z36", "Z37", "Z39", "Z3A"),
                List.of("P", "Z38"),
                12, 55, 28);
    }

    static boolean matches(List<String> prefixes, String code) {
        for (String p : prefixes) {
            if (code.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
