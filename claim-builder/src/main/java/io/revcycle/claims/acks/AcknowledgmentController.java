package io.revcycle.claims.acks;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import io.revcycle.claims.state.ClaimTable;
import io.revcycle.events.Acknowledgment;
import io.revcycle.events.ExceptionKind;
import io.revcycle.events.ProcessingException;

import java.util.List;

/**
 * Receives a raw 999 or 277CA interchange. 202 with the claims it applied to; 400 naming the
 * segment and element at fault when the X12 is malformed; 422 when it names claims we never sent.
 * In both failure cases nothing is applied and an exception event is published.
 */
@Controller
public class AcknowledgmentController {

    private final AcknowledgmentIntake intake;

    public AcknowledgmentController(AcknowledgmentIntake intake) {
        this.intake = intake;
    }

    @Post(value = "/v1/acknowledgments", consumes = {"application/edi-x12", MediaType.TEXT_PLAIN,
            MediaType.APPLICATION_OCTET_STREAM})
    public HttpResponse<?> receive(@Body byte[] x12) {
        AcknowledgmentOutcome outcome = intake.receive(x12, "http", null);
        if (outcome.isApplied()) {
            return HttpResponse.accepted().body(new Applied(outcome.acknowledgments().stream().map(Applied.Claim::of).toList()));
        }
        ProcessingException failure = outcome.failure();
        Problem problem = new Problem(failure.getKind().toString(), failure.getMessage(), failure.getSegmentId(),
                failure.getSegmentPosition(), failure.getElementPosition(), failure.getClaimId());
        return failure.getKind() == ExceptionKind.PARSE_ERROR
                ? HttpResponse.badRequest(problem)
                : HttpResponse.unprocessableEntity().body(problem);
    }

    @Error(exception = ClaimTable.ClaimTableUnavailable.class)
    public HttpResponse<Problem> unavailable(ClaimTable.ClaimTableUnavailable e) {
        return HttpResponse.<Problem>status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(new Problem("UNAVAILABLE", e.getMessage(), null, null, null, null));
    }

    /** The claims an acknowledgment applied to. */
    @Serdeable
    public record Applied(List<Claim> claims) {
        /** One claim's result. */
        @Serdeable
        public record Claim(String claimId, String kind, String result, String statusCategory) {
            static Claim of(Acknowledgment ack) {
                return new Claim(ack.getClaimId(), ack.getKind().toString(), ack.getResult().toString(),
                        ack.getStatusCategory());
            }
        }
    }

    /** Why nothing was applied, and where in the X12. */
    @Serdeable
    public record Problem(String kind, String message, String segmentId, Long segmentPosition, Integer elementPosition,
                          String claimId) {
    }
}
