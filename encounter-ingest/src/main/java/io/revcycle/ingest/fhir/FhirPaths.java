package io.revcycle.ingest.fhir;

import io.revcycle.ingest.validation.Problem;

import java.util.List;
import java.util.Map;

/**
 * Translates validation problems (JSON model paths) into FHIRPath expressions, using the paths the
 * reader recorded: the longest recorded prefix of the field wins, and the message keeps the
 * model's field name so the exact field stays readable.
 */
final class FhirPaths {

    private FhirPaths() {
    }

    static List<Problem> translate(List<Problem> problems, Map<String, String> paths) {
        return problems.stream().map(p -> translate(p, paths)).toList();
    }

    private static Problem translate(Problem p, Map<String, String> paths) {
        String best = null;
        for (String field : paths.keySet()) {
            boolean covers = p.field().equals(field) || p.field().startsWith(field + ".") || p.field().startsWith(field + "[");
            if (covers && (best == null || field.length() > best.length())) {
                best = field;
            }
        }
        String expression = best == null ? "Bundle" : paths.get(best);
        return new Problem(p.rule(), expression, p.field() + ": " + p.message());
    }
}
