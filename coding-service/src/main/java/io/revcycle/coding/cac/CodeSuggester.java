package io.revcycle.coding.cac;

import io.revcycle.coding.codesets.CodeEntry;
import io.revcycle.coding.codesets.CodeSets;
import io.revcycle.events.CodeSystem;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Computer-assisted coding: finds the billable codes whose descriptions best match clinical text.
 *
 * <p>Lucene ranks candidates (BM25 over the descriptions, abbreviations expanded). Lucene scores are
 * not comparable across queries, so the confidence is our own: how much of the text the code's
 * description accounts for (weighted 0.65), how much of the description the text accounts for (0.35),
 * lowered for residual "other ..." codes the text does not ask for, and lowered when the runner-up is
 * practically as good (the text does not decide between them). Candidates are re-ranked by it.
 */
public final class CodeSuggester {

    private static final String CODE = "code";
    private static final String SYSTEM = "system";
    private static final String DESCRIPTION = "description";
    private static final double TEXT_COVERAGE_WEIGHT = 0.65;
    private static final double TIE_RATIO = 0.98;
    private static final double TIE_PENALTY = 0.85;
    private static final double RESIDUAL_PENALTY = 0.8;
    private static final int CANDIDATES = 10;
    private static final String OTHER = "other";
    private static final String UNSPECIFIED = "unspecified";

    private final IndexSearcher searcher;
    private final Analyzer indexAnalyzer;
    private final Analyzer queryAnalyzer;

    private CodeSuggester(IndexSearcher searcher, Analyzer indexAnalyzer, Analyzer queryAnalyzer) {
        this.searcher = searcher;
        this.indexAnalyzer = indexAnalyzer;
        this.queryAnalyzer = queryAnalyzer;
    }

    /** Indexes the billable codes with descriptions of the newest ICD-10-CM, ICD-10-PCS and HCPCS releases. */
    public static CodeSuggester index(CodeSets codeSets) {
        return index(codeSets, ClinicalAbbreviations.standard());
    }

    public static CodeSuggester index(CodeSets codeSets, Map<String, String> abbreviations) {
        Analyzer indexAnalyzer = ClinicalTextAnalyzers.index();
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(indexAnalyzer))) {
            for (CodeSystem system : List.of(CodeSystem.ICD10CM, CodeSystem.ICD10PCS, CodeSystem.HCPCS)) {
                for (CodeEntry e : codeSets.codeSet(system).newestEntries()) {
                    if (e.billable() && e.description() != null && !e.description().isBlank()) {
                        Document doc = new Document();
                        doc.add(new StringField(CODE, e.code(), Field.Store.YES));
                        doc.add(new StringField(SYSTEM, system.name(), Field.Store.YES));
                        doc.add(new TextField(DESCRIPTION, e.description(), Field.Store.YES));
                        writer.addDocument(doc);
                    }
                }
            }
            writer.commit();
            return new CodeSuggester(new IndexSearcher(DirectoryReader.open(directory)), indexAnalyzer,
                    ClinicalTextAnalyzers.query(abbreviations));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Up to {@code max} codes of the system for the text, best first; empty when nothing matches. */
    public List<Suggestion> suggest(CodeSystem system, String text, int max) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String clinical = text.replaceAll("(?i)\\bw/o\\b", "without ").replaceAll("(?i)\\bw/", "with ");
        Query words = new QueryBuilder(queryAnalyzer).createBooleanQuery(DESCRIPTION, clinical, BooleanClause.Occur.SHOULD);
        if (words == null) {
            return List.of();
        }
        Query query = new BooleanQuery.Builder()
                .add(words, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(SYSTEM, system.name())), BooleanClause.Occur.FILTER)
                .build();
        try {
            TopDocs top = searcher.search(query, Math.max(max, CANDIDATES));
            Set<String> textTerms = terms(queryAnalyzer, clinical);
            boolean textSaysOther = textTerms.contains(OTHER);
            List<Suggestion> ranked = new ArrayList<>();
            for (ScoreDoc hit : top.scoreDocs) {
                Document doc = searcher.storedFields().document(hit.doc);
                String description = doc.get(DESCRIPTION);
                Set<String> descriptionTerms = terms(indexAnalyzer, description);
                double confidence = coverage(textTerms, descriptionTerms);
                if (!textSaysOther && descriptionTerms.contains(OTHER)) {
                    confidence *= RESIDUAL_PENALTY;
                }
                ranked.add(new Suggestion(system, doc.get(CODE), description, confidence));
            }
            // Equal confidence: the text names nothing more specific, and coding convention then takes
            // the "unspecified" code (the Alphabetic Index sends bare "asthma" to J45.909); the code
            // value makes the order deterministic whatever Lucene's tie order.
            ranked.sort(Comparator.comparingDouble(Suggestion::confidence).reversed()
                    .thenComparing(sg -> !sg.description().toLowerCase(Locale.ROOT).contains(UNSPECIFIED))
                    .thenComparing(Suggestion::code));
            List<Suggestion> suggestions = new ArrayList<>();
            for (int i = 0; i < ranked.size() && suggestions.size() < max; i++) {
                Suggestion s = ranked.get(i);
                boolean undecided = i + 1 < ranked.size() && ranked.get(i + 1).confidence() >= s.confidence() * TIE_RATIO
                        || i > 0 && s.confidence() >= ranked.get(i - 1).confidence() * TIE_RATIO;
                double confidence = undecided ? s.confidence() * TIE_PENALTY : s.confidence();
                suggestions.add(new Suggestion(system, s.code(), s.description(), round(confidence)));
            }
            return suggestions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double coverage(Set<String> text, Set<String> description) {
        if (text.isEmpty() || description.isEmpty()) {
            return 0;
        }
        Set<String> shared = new HashSet<>(text);
        shared.retainAll(description);
        double ofText = (double) shared.size() / text.size();
        double ofDescription = (double) shared.size() / description.size();
        return TEXT_COVERAGE_WEIGHT * ofText + (1 - TEXT_COVERAGE_WEIGHT) * ofDescription;
    }

    private static double round(double value) {
        return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000.0;
    }

    private static Set<String> terms(Analyzer analyzer, String text) throws IOException {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(DESCRIPTION, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
            }
            ts.end();
        }
        return terms;
    }
}
