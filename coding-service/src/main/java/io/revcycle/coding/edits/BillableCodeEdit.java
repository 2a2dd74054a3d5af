package io.revcycle.coding.edits;

import io.revcycle.coding.codesets.CodeCheck;
import io.revcycle.coding.codesets.CodeChecker;
import io.revcycle.events.CodeSystem;

import java.util.EnumSet;

/** Only billable (leaf) codes go on a claim; a category or subcategory header does not. */
public final class BillableCodeEdit extends CodeStatusEdit {

    public BillableCodeEdit(CodeChecker checker) {
        super(checker, EnumSet.of(CodeCheck.Status.HEADER));
    }

    @Override
    public String name() {
        return "billable";
    }

    @Override
    String rule(CodeCheck.Status status) {
        return "HEADER_CODE";
    }

    @Override
    String message(CodeCheck check, CodeSystem system, String shown) {
        return system + " " + shown + " is a header, not a billable code: choose a more specific code";
    }
}
