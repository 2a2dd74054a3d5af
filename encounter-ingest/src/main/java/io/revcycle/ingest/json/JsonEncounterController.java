package io.revcycle.ingest.json;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.revcycle.events.SourceFormat;
import io.revcycle.events.Transport;
import io.revcycle.ingest.encounter.EncounterSubmission;
import io.revcycle.ingest.intake.EncounterIntake;
import io.revcycle.ingest.intake.Unavailable;
import io.revcycle.ingest.json.JsonAnswers.Accepted;
import io.revcycle.ingest.json.JsonAnswers.BatchResult;
import io.revcycle.ingest.json.JsonAnswers.ItemResult;
import io.revcycle.ingest.json.JsonAnswers.Refused;
import io.revcycle.ingest.publish.PublishSettings;
import io.revcycle.ingest.security.SourceSystems;
import io.revcycle.ingest.validation.Problem;
import io.revcycle.ingest.validation.Rule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The JSON API: one encounter, or a batch for backfills. Answers only after Kafka has the
 * encounter; refusals name every problem by field path.
 */
@Controller("/v1/encounters")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
class JsonEncounterController {

    private final EncounterIntake intake;
    private final JsonMapper json;
    private final PublishSettings settings;

    JsonEncounterController(EncounterIntake intake, JsonMapper json, PublishSettings settings) {
        this.intake = intake;
        this.json = json;
        this.settings = settings;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit one encounter",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EncounterSubmission.class))),
            responses = {
                    @ApiResponse(responseCode = "202", description = "On Kafka (accepted) or already there with the same content (duplicate)",
                            content = @Content(schema = @Schema(implementation = Accepted.class))),
                    @ApiResponse(responseCode = "400", description = "Empty, not UTF-8 or not JSON",
                            content = @Content(schema = @Schema(implementation = Refused.class))),
                    @ApiResponse(responseCode = "401", description = "No valid API key or bearer token"),
                    @ApiResponse(responseCode = "413", description = "Body larger than the configured limit"),
                    @ApiResponse(responseCode = "415", description = "Content type is not application/json"),
                    @ApiResponse(responseCode = "422", description = "Readable but invalid; every problem named",
                            content = @Content(schema = @Schema(implementation = Refused.class))),
                    @ApiResponse(responseCode = "503", description = "Kafka unavailable; nothing published, retry after Retry-After")})
    CompletableFuture<HttpResponse<?>> submit(@Body @Nullable byte[] body, Authentication caller) {
        String source = SourceSystems.of(caller);
        Optional<Problem> unreadable = JsonBodies.unreadable(body);
        if (unreadable.isPresent()) {
            intake.refused(source, SourceFormat.JSON);
            return done(HttpResponse.badRequest(new Refused("unreadable body", List.of(unreadable.get()))));
        }
        EncounterSubmission submission;
        try {
            submission = json.readValue(body, Argument.of(EncounterSubmission.class));
        } catch (IOException | RuntimeException ex) {
            intake.refused(source, SourceFormat.JSON);
            return done(HttpResponse.badRequest(new Refused("unreadable body", List.of(JsonBodies.unparseable(ex, "")))));
        }
        List<Problem> problems = intake.validate(submission);
        if (!problems.isEmpty()) {
            intake.refused(source, SourceFormat.JSON);
            return done(HttpResponse.unprocessableEntity().body(new Refused("invalid encounter", problems)));
        }
        return intake.accept(submission, source, SourceFormat.JSON)
                .<HttpResponse<?>>thenApply(o -> HttpResponse.accepted()
                        .body(new Accepted(o.encounterId(), o.version(), o.duplicate() ? "duplicate" : "accepted")))
                .exceptionally(this::unavailable);
    }

    @Post(uri = "/batch", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit many encounters (backfills); valid items are accepted even when others are refused",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchRequest.class))),
            responses = {
                    @ApiResponse(responseCode = "202", description = "At least one item accepted or duplicate; per-item results",
                            content = @Content(schema = @Schema(implementation = BatchResult.class))),
                    @ApiResponse(responseCode = "400", description = "Empty, not UTF-8, not JSON or no encounters array",
                            content = @Content(schema = @Schema(implementation = Refused.class))),
                    @ApiResponse(responseCode = "401", description = "No valid API key or bearer token"),
                    @ApiResponse(responseCode = "413", description = "Body larger than the configured limit"),
                    @ApiResponse(responseCode = "422", description = "Every item refused; per-item results",
                            content = @Content(schema = @Schema(implementation = BatchResult.class))),
                    @ApiResponse(responseCode = "503", description = "Kafka unavailable for some items (status unavailable); resending the batch is safe",
                            content = @Content(schema = @Schema(implementation = BatchResult.class)))})
    CompletableFuture<HttpResponse<?>> submitBatch(@Body @Nullable byte[] body, Authentication caller) {
        String source = SourceSystems.of(caller);
        Optional<Problem> unreadable = JsonBodies.unreadable(body);
        if (unreadable.isPresent()) {
            return done(HttpResponse.badRequest(new Refused("unreadable body", List.of(unreadable.get()))));
        }
        JsonNode root;
        try {
            root = json.readValue(body, Argument.of(JsonNode.class));
        } catch (IOException | RuntimeException ex) {
            return done(HttpResponse.badRequest(new Refused("unreadable body", List.of(JsonBodies.unparseable(ex, "")))));
        }
        JsonNode items = root.isObject() ? root.get("encounters") : null;
        if (items == null || !items.isArray() || items.size() == 0) {
            return done(HttpResponse.badRequest(new Refused("unreadable body",
                    List.of(new Problem(Rule.REQUIRED, "encounters", "must be a non-empty array")))));
        }
        List<CompletableFuture<ItemResult>> results = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            results.add(item(i, items.get(i), source));
        }
        return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> batchAnswer(results.stream().map(CompletableFuture::join).toList()));
    }

    private CompletableFuture<ItemResult> item(int index, JsonNode node, String source) {
        String path = "encounters[" + index + "]";
        EncounterSubmission submission;
        List<Problem> problems;
        try {
            submission = json.readValueFromTree(node, EncounterSubmission.class);
            problems = intake.validate(submission).stream()
                    .map(p -> p.at(p.field().isEmpty() ? path : path + "." + p.field())).toList();
        } catch (IOException | RuntimeException ex) {
            submission = null;
            problems = List.of(JsonBodies.unparseable(ex, path));
        }
        if (!problems.isEmpty()) {
            String externalId = externalId(node);
            List<Problem> found = problems;
            return intake.refusedAndPublished(source, SourceFormat.JSON, Transport.HTTP_BATCH, externalId, itemBytes(node), problems)
                    .handle((ok, error) -> new ItemResult(index, externalId, null,
                            error == null ? "rejected" : "unavailable", found));
        }
        return intake.accept(submission, source, SourceFormat.JSON)
                .handle((o, error) -> o != null
                        ? new ItemResult(index, o.encounterId(), o.version(), o.duplicate() ? "duplicate" : "accepted", List.of())
                        : new ItemResult(index, externalId(node), null, "unavailable", List.of()));
    }

    private HttpResponse<?> batchAnswer(List<ItemResult> results) {
        int accepted = count(results, "accepted");
        int duplicate = count(results, "duplicate");
        int rejected = count(results, "rejected");
        int unavailable = count(results, "unavailable");
        BatchResult answer = new BatchResult(accepted, duplicate, rejected, unavailable, results);
        if (unavailable > 0) {
            return Unavailable.response(settings, answer);
        }
        if (accepted + duplicate == 0) {
            return HttpResponse.unprocessableEntity().body(answer);
        }
        return HttpResponse.accepted().body(answer);
    }

    private static int count(List<ItemResult> results, String status) {
        return (int) results.stream().filter(r -> r.status().equals(status)).count();
    }

    private HttpResponse<?> unavailable(Throwable error) {
        if (!Unavailable.isUnavailable(error)) {
            throw new IllegalStateException("encounter could not be published", Unavailable.unwrap(error));
        }
        return Unavailable.response(settings, new Refused("Kafka unavailable; nothing was published", List.of()));
    }

    private static String externalId(JsonNode node) {
        JsonNode id = node != null && node.isObject() ? node.get("encounterId") : null;
        return id != null && id.isString() && !id.getStringValue().isBlank() ? id.getStringValue() : null;
    }

    private byte[] itemBytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException ex) {
            return new byte[0];
        }
    }

    private static CompletableFuture<HttpResponse<?>> done(HttpResponse<?> response) {
        return CompletableFuture.completedFuture(response);
    }
}
