package io.revcycle.payments.receivables;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Receivables over HTTP: per-claim balance, A/R aging by payer, deposit reconciliation. */
@Controller("/v1")
public class ReceivablesController {

    private final PostingQueries queries;
    private final ReceivablesBook book = new ReceivablesBook();
    private final Clock clock;

    public ReceivablesController(PostingQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** The claim's balance after its latest posting; 404 for a claim we do not know. */
    @Get("/claims/{claimId}/balance")
    public HttpResponse<ClaimBalance> balance(@PathVariable String claimId) {
        return queries.claim(claimId)
                .map(claim -> HttpResponse.ok(book.balance(claim, queries.lastPosting(claimId).orElse(null))))
                .orElseGet(HttpResponse::notFound);
    }

    /** Open receivables by payer in buckets 0-30, 31-60, 61-90, 91-120, 120+ days (as of today unless given). */
    @Get("/receivables/aging{?asOf}")
    public List<PayerAging> aging(@Nullable @QueryValue LocalDate asOf) {
        return book.aging(queries.claimsWithPostings(), asOf != null ? asOf : LocalDate.now(clock));
    }

    /** Every ERA's deposit against what was posted from it. */
    @Get("/deposits")
    public List<DepositReconciliation> deposits() {
        Map<String, BigDecimal> plb = queries.providerAdjustmentTotals();
        return queries.deposits().values().stream()
                .map(tally -> book.reconcile(tally, plb.get(tally.remittanceId())))
                .sorted(Comparator.comparing(DepositReconciliation::paymentDate)
                        .thenComparing(DepositReconciliation::remittanceId))
                .toList();
    }

    @Error(global = true, exception = PostingQueries.NotReady.class)
    public HttpResponse<Map<String, String>> notReady(PostingQueries.NotReady e) {
        return HttpResponse.<Map<String, String>>status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", e.getMessage()));
    }
}
