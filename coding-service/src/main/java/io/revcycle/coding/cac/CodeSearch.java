package io.revcycle.coding.cac;

import io.revcycle.coding.codesets.CodeSets;

/**
 * The current description index. Rebuilt after a code-set import and swapped in whole, so coding in
 * progress keeps using the index it started with.
 */
public final class CodeSearch {

    private final CodeSets codeSets;
    private volatile CodeSuggester suggester;

    public CodeSearch(CodeSets codeSets) {
        this.codeSets = codeSets;
        this.suggester = CodeSuggester.index(codeSets);
    }

    public CodeSuggester suggester() {
        return suggester;
    }

    /** Re-indexes the newest releases. */
    public void reindex() {
        suggester = CodeSuggester.index(codeSets);
    }
}
