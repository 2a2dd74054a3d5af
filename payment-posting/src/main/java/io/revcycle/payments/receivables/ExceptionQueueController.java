package io.revcycle.payments.receivables;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import io.revcycle.events.ProcessingException;
import io.revcycle.payments.intake.RemittanceIntake;
import io.revcycle.payments.intake.RemittanceReader;
import io.revcycle.payments.posting.PaymentPoster;
import io.revcycle.schemas.EventHeaders;
import io.revcycle.schemas.Topics;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/exceptions}: the remittance exception work queue (unbalanced, unknown claim,
 * duplicate...); {@code POST /v1/exceptions/{id}/resolve} takes one off it.
 */
@Controller("/v1/exceptions")
public class ExceptionQueueController {

    private final PostingQueries queries;
    private final RemittanceIntake intake;

    public ExceptionQueueController(PostingQueries queries, RemittanceIntake intake) {
        this.queries = queries;
        this.intake = intake;
    }

    /**
     * One queued exception. No PHI: claim ids, positions and amounts only.
     *
     * @param exceptionId     id
     * @param kind            PARSE_ERROR, UNKNOWN_CLAIM, UNBALANCED_*, DUPLICATE, REVERSAL_WITHOUT_POSTING, OTHER
     * @param occurredAt      when it was raised
     * @param sourceFile      file or upload name
     * @param segmentPosition 1-based segment position in the file, when known
     * @param segmentId       segment tag, when known
     * @param elementPosition element position, when known
     * @param claimId         claim, when known
     * @param message         what is wrong
     * @param figures         amounts involved
     * @param movedTo         where the inbox file was moved
     */
    @Serdeable
    public record QueuedException(String exceptionId, String kind, Instant occurredAt, String sourceFile,
                                  Long segmentPosition, String segmentId, Integer elementPosition, String claimId,
                                  String message, Map<String, String> figures, String movedTo) {

        static QueuedException of(ProcessingException e) {
            return new QueuedException(e.getExceptionId(), e.getKind().name(), e.getHeader().getOccurredAt(),
                    e.getSourceFile(), e.getSegmentPosition(), e.getSegmentId(), e.getElementPosition(),
                    e.getClaimId(), e.getMessage(), e.getFigures(), e.getMovedTo());
        }
    }

    /** Unresolved exceptions, oldest first, optionally of one kind. */
    @Get("{?kind}")
    public List<QueuedException> open(@Nullable @QueryValue String kind) {
        return queries.exceptions().stream()
                .filter(e -> !e.getResolved())
                .filter(e -> kind == null || e.getKind().name().equals(kind))
                .map(QueuedException::of)
                .sorted(Comparator.comparing(QueuedException::occurredAt))
                .toList();
    }

    /**
     * Marks an exception worked (the file was corrected and re-sent, the claim was found...): a copy
     * with {@code resolved=true} goes to the exceptions topic and the exception leaves the queue.
     */
    @Post("/{exceptionId}/resolve")
    public HttpResponse<QueuedException> resolve(@PathVariable String exceptionId) {
        return queries.exceptions().stream()
                .filter(e -> e.getExceptionId().equals(exceptionId))
                .findFirst()
                .map(open -> {
                    ProcessingException resolved = ProcessingException.newBuilder(open)
                            .setHeader(EventHeaders.following(open.getHeader(), PaymentPoster.PRODUCER, open.getClaimId()))
                            .setResolved(true)
                            .build();
                    String key = open.getClaimId() != null ? open.getClaimId() : open.getSourceFile();
                    intake.send(List.of(new RemittanceReader.Outgoing(Topics.REMITTANCE_EXCEPTIONS, key, resolved)));
                    return HttpResponse.ok(QueuedException.of(resolved));
                })
                .orElseGet(HttpResponse::notFound);
    }
}
