package io.revcycle.ingest.validation;

/**
 * One reason an input is refused: the rule it breaks, the field path it concerns (in the
 * submitting format's own notation) and a message. The message names the field and the rule,
 * never the field's content, so problems can be logged and published without PHI.
 */
public record Problem(Rule rule, String field, String message) {

    /** The same problem about another field path (used when translating to a format's notation). */
    public Problem at(String otherField) {
        return new Problem(rule, otherField, message);
    }

    @Override
    public String toString() {
        return field + ": " + message + " (" + rule + ")";
    }
}
