package io.revcycle.coding.cac;

import io.revcycle.events.CodeSystem;

/** A code suggested for a piece of clinical text, with a confidence in [0, 1]. */
public record Suggestion(CodeSystem system, String code, String description, double confidence) {
}
