package io.revcycle.coding.edits;

import io.revcycle.coding.codesets.CodeEntry;
import io.revcycle.coding.codesets.CodeFormat;
import io.revcycle.events.Code;
import io.revcycle.events.CodeSystem;

import java.util.List;

/** Field paths and option codes shared by the edits. */
final class Fields {

    private Fields() {
    }

    static String diagnosis(DraftDiagnosis d) {
        return "diagnoses[seq=" + d.sequence() + "].code";
    }

    static String line(DraftLine l) {
        return "services[line=" + l.lineNumber() + "].code";
    }

    static Code code(CodeSystem system, String value, String display) {
        return Code.newBuilder().setSystem(system).setValue(value).setDisplay(display).build();
    }

    static List<Code> options(List<CodeEntry> entries) {
        return entries.stream().map(e -> code(e.system(), e.code(), e.description())).toList();
    }

    static String shown(CodeSystem system, String code) {
        return CodeFormat.display(system, code);
    }
}
