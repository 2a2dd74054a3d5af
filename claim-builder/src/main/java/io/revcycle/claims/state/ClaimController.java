package io.revcycle.claims.state;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import io.revcycle.events.ClaimState;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Claim state and the billers' work queue, from the claim table. */
@Controller
public class ClaimController {

    private static final int MAX_RESULTS = 1000;
    private final ClaimTable table;

    public ClaimController(ClaimTable table) {
        this.table = table;
    }

    /** Current state and full history of one claim. */
    @Get("/v1/claims/{claimId}")
    public HttpResponse<ClaimView> claim(@PathVariable String claimId) {
        return table.get(claimId).map(c -> HttpResponse.ok(ClaimView.of(c))).orElseGet(HttpResponse::notFound);
    }

    /** Claims by state and/or payer (at most 1000, in claim id order). */
    @Get("/v1/claims{?state,payer}")
    public HttpResponse<?> claims(@Nullable @QueryValue String state, @Nullable @QueryValue String payer) {
        ClaimState wanted = null;
        if (state != null) {
            try {
                wanted = ClaimState.valueOf(state.toUpperCase());
            } catch (IllegalArgumentException e) {
                return HttpResponse.badRequest(new Problem("state must be one of " + Arrays.toString(ClaimState.values())));
            }
        }
        ClaimState filterState = wanted;
        return HttpResponse.ok(table.find(c -> (filterState == null || c.getState() == filterState)
                && (payer == null || payer.equals(c.getCoverage().getPayerId())), MAX_RESULTS)
                .stream().map(ClaimView::of).toList());
    }

    /** Scrub failures and rejections, each with its reasons. */
    @Get("/v1/work-queue")
    public List<ClaimView> workQueue() {
        return table.find(c -> ClaimTable.WORK_QUEUE.contains(c.getState()), MAX_RESULTS).stream().map(ClaimView::of).toList();
    }

    @Error(exception = ClaimTable.ClaimTableUnavailable.class)
    public HttpResponse<Problem> unavailable(ClaimTable.ClaimTableUnavailable e) {
        return HttpResponse.<Problem>status(HttpStatus.SERVICE_UNAVAILABLE).body(new Problem(e.getMessage()))
                .headers(Map.of("Retry-After", "2"));
    }

    /** Why a request could not be answered. */
    @Serdeable
    public record Problem(String message) {
    }
}
