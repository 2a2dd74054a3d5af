package io.revcycle.ingest.hl7;

import io.revcycle.ingest.validation.Problem;

import java.util.List;
import java.util.Map;

/** Translates validation problems (JSON model paths) to the HL7 field they came from: the longest recorded prefix wins. */
final class Hl7Paths {

    private Hl7Paths() {
    }

    static List<Problem> translate(List<Problem> problems, Map<String, String> fields) {
        return problems.stream().map(p -> translate(p, fields)).toList();
    }

    private static Problem translate(Problem p, Map<String, String> fields) {
        String best = null;
        for (String field : fields.keySet()) {
            boolean covers = p.field().equals(field) || p.field().startsWith(field + ".") || p.field().startsWith(field + "[");
            if (covers && (best == null || field.length() > best.length())) {
                best = field;
            }
        }
        String location = best == null ? "MSH" : fields.get(best);
        return new Problem(p.rule(), location, location + " (" + p.field() + "): " + p.message());
    }
}
