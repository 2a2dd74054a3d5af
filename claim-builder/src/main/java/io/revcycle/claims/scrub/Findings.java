package io.revcycle.claims.scrub;

import io.revcycle.events.Finding;
import io.revcycle.events.Severity;

import java.util.List;

/** Builds scrub findings. */
final class Findings {

    private Findings() {
    }

    static Finding error(String rule, String field, String message) {
        return Finding.newBuilder().setRule(rule).setSeverity(Severity.ERROR).setField(field)
                .setMessage(message).setCodes(List.of()).build();
    }

    static Finding lineError(String rule, String field, String message, int lineNumber) {
        return Finding.newBuilder().setRule(rule).setSeverity(Severity.ERROR).setField(field)
                .setMessage(message).setCodes(List.of()).setLineNumber(lineNumber).build();
    }
}
