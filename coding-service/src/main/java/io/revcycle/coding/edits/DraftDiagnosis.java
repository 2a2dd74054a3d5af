package io.revcycle.coding.edits;

import io.revcycle.events.CodeSource;
import io.revcycle.events.CodeSystem;

/**
 * A diagnosis on its way to being coded.
 *
 * @param code       the code as documented or suggested, normal form (no dot); blank when none yet
 * @param confidence confidence of a computer-assisted code, else null
 */
public record DraftDiagnosis(int sequence, CodeSystem system, String code, CodeSource source, Double confidence,
                             String text, String presentOnAdmission) {
}
