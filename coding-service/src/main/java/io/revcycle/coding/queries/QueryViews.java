package io.revcycle.coding.queries;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.revcycle.events.CodingQuery;
import io.revcycle.events.Finding;
import io.revcycle.events.QueryOption;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the query API reads and writes. No patient data: coders open the encounter in their own tools. */
public final class QueryViews {

    private QueryViews() {
    }

    @Serdeable
    public record OptionView(String system, String code, @Nullable String description, @Nullable Double confidence) {
        static OptionView of(QueryOption o) {
            return new OptionView(o.getCode().getSystem().name(), o.getCode().getValue(), o.getDescription(), o.getConfidence());
        }
    }

    @Serdeable
    public record FindingView(String rule, String severity, @Nullable String field, String message, List<String> codes,
                              @Nullable Integer lineNumber) {
        static FindingView of(Finding f) {
            return new FindingView(f.getRule(), f.getSeverity().name(), f.getField(), f.getMessage(), f.getCodes(), f.getLineNumber());
        }
    }

    @Serdeable
    public record QueryView(String queryId, String encounterId, int encounterVersion, String status, String reason,
                            String question, List<OptionView> options, List<FindingView> findings,
                            @Nullable String providerNpi, @Nullable Integer lineNumber, @Nullable Integer diagnosisSequence,
                            Instant raisedAt, long ageSeconds) {
        static QueryView of(CodingQuery q, Instant now) {
            return new QueryView(q.getQueryId(), q.getEncounterId(), q.getEncounterVersion(), q.getStatus().name(),
                    q.getReason().name(), q.getQuestion(), q.getOptions().stream().map(OptionView::of).toList(),
                    q.getFindings().stream().map(FindingView::of).toList(), q.getProviderNpi(), q.getLineNumber(),
                    q.getDiagnosisSequence(), q.getRaisedAt(), Duration.between(q.getRaisedAt(), now).toSeconds());
        }
    }

    /** A code a coder chooses; the system defaults from what the query is about. */
    @Serdeable
    public record ChosenCode(@Nullable String system, @NotBlank String code) {
    }

    @Serdeable
    public record AnswerRequest(@NotBlank String answeredBy, @Nullable @Valid @Size(max = 12) List<ChosenCode> codes,
                                @Nullable @Size(max = 2000) String clarification) {
    }

    @Serdeable
    public record AnswerAccepted(String queryId, String encounterId, int encounterVersion, String status) {
    }

    @Serdeable
    public record Problem(String message, List<FieldProblem> problems) {
    }

    @Serdeable
    public record FieldProblem(String field, String reason) {
    }
}
