package io.revcycle.coding.queries;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.revcycle.events.CodingQuery;
import io.revcycle.events.QueryReason;
import jakarta.validation.Valid;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The coders' API: list open provider queries and answer them. An answer is an event on
 * rcm.coding.answers; the coding stage joins it back to the waiting encounter.
 */
@Controller("/v1/queries")
@ExecuteOn(TaskExecutors.BLOCKING)
public class QueryController {

    private final QueryStore store;
    private final AnswerPublisher publisher;
    private final Clock clock = Clock.systemUTC();

    QueryController(QueryStore store, AnswerPublisher publisher) {
        this.store = store;
        this.publisher = publisher;
    }

    /** Open queries, oldest first, filtered by reason, provider NPI and minimum age (ISO-8601 duration). */
    @Get
    public HttpResponse<?> list(@QueryValue(defaultValue = "OPEN") String status, @Nullable @QueryValue String reason,
                                @Nullable @QueryValue String provider, @Nullable @QueryValue String olderThan) {
        List<QueryViews.FieldProblem> problems = new ArrayList<>();
        if (!"OPEN".equalsIgnoreCase(status)) {
            problems.add(new QueryViews.FieldProblem("status", "only OPEN queries are listed; answered and superseded ones are on rcm.coding.queries"));
        }
        QueryReason reasonFilter = null;
        if (reason != null && !reason.isBlank()) {
            try {
                reasonFilter = QueryReason.valueOf(reason.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new QueryViews.FieldProblem("reason", "unknown reason '" + reason + "'"));
            }
        }
        Duration age = null;
        if (olderThan != null && !olderThan.isBlank()) {
            try {
                age = Duration.parse(olderThan.trim());
            } catch (DateTimeParseException e) {
                problems.add(new QueryViews.FieldProblem("olderThan", "not an ISO-8601 duration such as PT24H"));
            }
        }
        if (!problems.isEmpty()) {
            return HttpResponse.badRequest(new QueryViews.Problem("invalid query parameters", problems));
        }
        Instant now = clock.instant();
        List<CodingQuery> open = OpenQueries.filter(store.open().stream(), reasonFilter,
                provider == null || provider.isBlank() ? null : provider.trim(), age, now);
        return HttpResponse.ok(open.stream().map(q -> QueryViews.QueryView.of(q, now)).toList());
    }

    /** Answers an open query: codes chosen and/or a clarification. Accepted once Kafka has the answer. */
    @Post("/{queryId}/answer")
    public HttpResponse<?> answer(@PathVariable String queryId, @Valid @Body QueryViews.AnswerRequest request) throws Exception {
        Optional<CodingQuery> query = store.openQuery(queryId);
        if (query.isEmpty()) {
            return HttpResponse.notFound(new QueryViews.Problem("no open query " + queryId, List.of()));
        }
        List<Answers.Choice> choices = request.codes() == null ? List.of()
                : request.codes().stream().map(c -> new Answers.Choice(c.system(), c.code())).toList();
        Answers.Result result = Answers.answer(query.get(), request.answeredBy(), choices, request.clarification(), clock.instant());
        if (result.answer() == null) {
            return HttpResponse.badRequest(new QueryViews.Problem("the answer cannot be used",
                    result.problems().stream().map(p -> new QueryViews.FieldProblem(p.substring(0, p.indexOf(':')),
                            p.substring(p.indexOf(':') + 2))).toList()));
        }
        publisher.publish(result.answer());
        return HttpResponse.accepted().body(new QueryViews.AnswerAccepted(queryId, query.get().getEncounterId(),
                query.get().getEncounterVersion(), "ANSWER_PUBLISHED"));
    }

    @Error(exception = QueryStore.QueriesUnavailable.class)
    HttpResponse<QueryViews.Problem> unavailable(QueryStore.QueriesUnavailable e) {
        return HttpResponse.<QueryViews.Problem>status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(new QueryViews.Problem(e.getMessage(), List.of()));
    }
}
