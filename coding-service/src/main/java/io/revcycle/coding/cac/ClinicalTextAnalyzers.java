package io.revcycle.coding.cac;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRefBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Analyzers for code descriptions (index) and clinical text (query). Both fold case and accents, drop
 * filler words and stem; the query side first expands clinical abbreviations. "with", "without", "no"
 * and "not" are kept: they separate codes such as "with complications" from "without complications".
 */
public final class ClinicalTextAnalyzers {

    private static final CharArraySet FILLER = new CharArraySet(List.of(
            "a", "an", "and", "are", "as", "at", "be", "by", "for", "in", "into", "is", "it", "of", "on", "or",
            "the", "to", "was", "has", "had", "have", "patient", "pt", "c", "o", "complains", "presents"), true);

    private ClinicalTextAnalyzers() {
    }

    /** Analyzer for code descriptions. */
    public static Analyzer index() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, tail(new LowerCaseFilter(source)));
            }
        };
    }

    /** Analyzer for clinical text: abbreviations expanded before the same tail as the index side. */
    public static Analyzer query(Map<String, String> abbreviations) {
        SynonymMap synonyms = synonyms(abbreviations);
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream expanded = new SynonymGraphFilter(new LowerCaseFilter(source), synonyms, true);
                return new TokenStreamComponents(source, tail(expanded));
            }
        };
    }

    private static TokenStream tail(TokenStream in) {
        return new PorterStemFilter(new StopFilter(new ASCIIFoldingFilter(in), FILLER));
    }

    private static SynonymMap synonyms(Map<String, String> abbreviations) {
        try {
            SynonymMap.Builder builder = new SynonymMap.Builder(true);
            abbreviations.forEach((abbreviation, expansion) -> builder.add(
                    SynonymMap.Builder.join(abbreviation.split(" "), new CharsRefBuilder()),
                    SynonymMap.Builder.join(expansion.split(" "), new CharsRefBuilder()),
                    false));
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
