package io.revcycle.ingest.fhir;

import ca.uhn.fhir.context.FhirContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.revcycle.events.SourceFormat;
import io.revcycle.ingest.intake.EncounterIntake;
import io.revcycle.ingest.intake.Unavailable;
import io.revcycle.ingest.publish.PublishSettings;
import io.revcycle.ingest.security.SourceSystems;
import io.revcycle.ingest.validation.Problem;
import io.revcycle.ingest.validation.Rule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * FHIR R4 intake: a Bundle with the encounter's resources. Every answer is an OperationOutcome:
 * informational with the encounter id, version and status when accepted, one error issue per
 * problem (expression = FHIRPath) when refused.
 */
@Controller("/fhir")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
class FhirEncounterController {

    static final String FHIR_JSON = "application/fhir+json";
    static final String STATUS_SYSTEM = "urn:revcycle:ingest:status";

    private final FhirContext fhir;
    private final FhirBundleReader reader;
    private final EncounterIntake intake;
    private final PublishSettings settings;

    FhirEncounterController(FhirContext fhir, FhirBundleReader reader, EncounterIntake intake, PublishSettings settings) {
        this.fhir = fhir;
        this.reader = reader;
        this.intake = intake;
        this.settings = settings;
    }

    @Post(consumes = {FHIR_JSON, MediaType.APPLICATION_JSON}, produces = FHIR_JSON)
    @Operation(summary = "Submit an encounter as a FHIR R4 Bundle (transaction, collection or message)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = FHIR_JSON)),
            responses = {
                    @ApiResponse(responseCode = "202", description = "OperationOutcome (information): encounter id, version, accepted|duplicate"),
                    @ApiResponse(responseCode = "400", description = "OperationOutcome: not readable, not a Bundle"),
                    @ApiResponse(responseCode = "401", description = "No valid API key or bearer token"),
                    @ApiResponse(responseCode = "413", description = "Body larger than the configured limit"),
                    @ApiResponse(responseCode = "415", description = "Content type is not application/fhir+json"),
                    @ApiResponse(responseCode = "422", description = "OperationOutcome: one issue per problem, expression = FHIRPath"),
                    @ApiResponse(responseCode = "503", description = "Kafka unavailable; nothing published, retry after Retry-After")})
    CompletableFuture<HttpResponse<String>> submit(@Body @Nullable byte[] body, Authentication caller) {
        String source = SourceSystems.of(caller);
        if (body == null || body.length == 0) {
            intake.refused(source, SourceFormat.FHIR_R4);
            return done(refused(HttpStatus.BAD_REQUEST, List.of(new Problem(Rule.REQUIRED, "Bundle", "body is empty"))));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException ex) {
            intake.refused(source, SourceFormat.FHIR_R4);
            return done(refused(HttpStatus.BAD_REQUEST, List.of(new Problem(Rule.SYNTAX, "Bundle", "body is not valid UTF-8"))));
        }
        FhirBundleReader.Reading reading = reader.read(text);
        if (reading.submission() == null) {
            intake.refused(source, SourceFormat.FHIR_R4);
            boolean unreadable = reading.problems().stream().anyMatch(p -> p.rule() == Rule.SYNTAX);
            return done(refused(unreadable ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_ENTITY, reading.problems()));
        }
        List<Problem> problems = new ArrayList<>(reading.problems());
        problems.addAll(FhirPaths.translate(intake.validate(reading.submission()), reading.paths()));
        if (!problems.isEmpty()) {
            intake.refused(source, SourceFormat.FHIR_R4);
            return done(refused(HttpStatus.UNPROCESSABLE_ENTITY, problems));
        }
        return intake.accept(reading.submission(), source, SourceFormat.FHIR_R4)
                .<HttpResponse<String>>thenApply(o -> outcome(HttpStatus.ACCEPTED, accepted(o.encounterId(), o.version(), o.duplicate())))
                .exceptionally(error -> {
                    if (!Unavailable.isUnavailable(error)) {
                        throw new IllegalStateException("encounter could not be published", Unavailable.unwrap(error));
                    }
                    OperationOutcome oo = new OperationOutcome();
                    oo.addIssue().setSeverity(IssueSeverity.ERROR).setCode(IssueType.TRANSIENT)
                            .setDiagnostics("Kafka unavailable; nothing was published, retry later");
                    return Unavailable.response(settings, encode(oo)).contentType(FHIR_JSON);
                });
    }

    private OperationOutcome accepted(String encounterId, int version, boolean duplicate) {
        OperationOutcome oo = new OperationOutcome();
        String status = duplicate ? "duplicate" : "accepted";
        oo.addIssue().setSeverity(IssueSeverity.INFORMATION).setCode(IssueType.INFORMATIONAL)
                .setDetails(new CodeableConcept(new Coding(STATUS_SYSTEM, status, null)).setText(encounterId + " version " + version))
                .setDiagnostics("encounter " + encounterId + " version " + version + " " + status)
                .addExpression("Encounter");
        return oo;
    }

    private MutableHttpResponse<String> refused(HttpStatus status, List<Problem> problems) {
        OperationOutcome oo = new OperationOutcome();
        for (Problem p : problems) {
            oo.addIssue().setSeverity(IssueSeverity.ERROR).setCode(issueType(p.rule()))
                    .setDetails(new CodeableConcept(new Coding("urn:revcycle:ingest:rule", p.rule().name(), null)))
                    .setDiagnostics(p.message())
                    .addExpression(p.field());
        }
        return outcome(status, oo);
    }

    private static IssueType issueType(Rule rule) {
        return switch (rule) {
            case SYNTAX -> IssueType.STRUCTURE;
            case REQUIRED -> IssueType.REQUIRED;
            case FORMAT, CODE_FORMAT, CHARGE_PRECISION -> IssueType.VALUE;
            case UNKNOWN_VALUE -> IssueType.CODEINVALID;
            default -> IssueType.BUSINESSRULE;
        };
    }

    private MutableHttpResponse<String> outcome(HttpStatus status, OperationOutcome oo) {
        return HttpResponse.<String>status(status).body(encode(oo)).contentType(FHIR_JSON);
    }

    private String encode(OperationOutcome oo) {
        return fhir.newJsonParser().encodeResourceToString(oo);
    }

    private static <T> CompletableFuture<HttpResponse<T>> done(HttpResponse<T> response) {
        return CompletableFuture.completedFuture(response);
    }
}
