package io.revcycle.coding.edits;

import io.revcycle.coding.codesets.CodeCheck;
import io.revcycle.coding.codesets.CodeChecker;
import io.revcycle.events.CodeSystem;

import java.util.EnumSet;

/**
 * ICD-10-CM categories that take a 7th character (injuries, some pregnancy and musculoskeletal codes)
 * need one of the characters the category allows, with placeholder X filling a code shorter than six.
 */
public final class SeventhCharacterEdit extends CodeStatusEdit {

    public SeventhCharacterEdit(CodeChecker checker) {
        super(checker, EnumSet.of(CodeCheck.Status.MISSING_SEVENTH_CHARACTER, CodeCheck.Status.INVALID_SEVENTH_CHARACTER,
                CodeCheck.Status.MISSING_PLACEHOLDER_X));
    }

    @Override
    public String name() {
        return "seventh-character";
    }

    @Override
    String rule(CodeCheck.Status status) {
        return status.name();
    }

    @Override
    String message(CodeCheck check, CodeSystem system, String shown) {
        return switch (check.status()) {
            case MISSING_SEVENTH_CHARACTER -> shown + " needs a 7th character (encounter or episode of care)";
            case INVALID_SEVENTH_CHARACTER -> "the 7th character of " + shown + " is not one its category allows";
            default -> shown + " needs placeholder X before its 7th character";
        };
    }
}
