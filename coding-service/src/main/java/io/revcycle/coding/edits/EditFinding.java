package io.revcycle.coding.edits;

import io.revcycle.events.Code;
import io.revcycle.events.Finding;
import io.revcycle.events.QueryReason;
import io.revcycle.events.Severity;

import java.util.List;

/**
 * An edit result: the finding recorded on the event, the query reason it maps to when a person must
 * decide, and the codes that would resolve it (offered as query options).
 */
public record EditFinding(Finding finding, QueryReason reason, List<Code> options) {

    public EditFinding {
        options = List.copyOf(options);
    }

    public static EditFinding of(Severity severity, String rule, QueryReason reason, String field, String message,
                                 List<String> codes, Integer lineNumber, List<Code> options) {
        Finding finding = Finding.newBuilder()
                .setRule(rule)
                .setSeverity(severity)
                .setField(field)
                .setMessage(message)
                .setCodes(List.copyOf(codes))
                .setLineNumber(lineNumber)
                .build();
        return new EditFinding(finding, reason, options);
    }

    public static EditFinding error(String rule, QueryReason reason, String field, String message, List<String> codes,
                                    Integer lineNumber, List<Code> options) {
        return of(Severity.ERROR, rule, reason, field, message, codes, lineNumber, options);
    }

    public String rule() {
        return finding.getRule();
    }

    public boolean blocking() {
        return finding.getSeverity() == Severity.ERROR;
    }
}
