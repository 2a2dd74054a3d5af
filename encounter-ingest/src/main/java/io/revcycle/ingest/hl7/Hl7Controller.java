package io.revcycle.ingest.hl7;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.revcycle.events.Transport;
import io.revcycle.ingest.intake.Unavailable;
import io.revcycle.ingest.publish.PublishSettings;
import io.revcycle.ingest.security.SourceSystems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** HL7 v2 over HTTP: one DFT^P03 per request, answered with its ACK. */
@Controller("/hl7v2")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
class Hl7Controller {

    static final String HL7_V2 = "application/hl7-v2";
    static final String HL7_V2_ER7 = "x-application/hl7-v2+er7";

    private final Hl7Intake hl7;
    private final PublishSettings settings;

    Hl7Controller(Hl7Intake hl7, PublishSettings settings) {
        this.hl7 = hl7;
        this.settings = settings;
    }

    @Post(consumes = {HL7_V2, HL7_V2_ER7, MediaType.TEXT_PLAIN}, produces = HL7_V2)
    @Operation(summary = "Submit one HL7 v2.5.1 DFT^P03 charge message (segments separated by CR; LF tolerated)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = HL7_V2)),
            responses = {
                    @ApiResponse(responseCode = "200", description = "ACK with MSA-1 AA (MSA-3 names encounter, version, accepted|duplicate)"),
                    @ApiResponse(responseCode = "400", description = "ACK AR: no MSH, unreadable, or not DFT^P03"),
                    @ApiResponse(responseCode = "401", description = "No valid API key or bearer token"),
                    @ApiResponse(responseCode = "413", description = "Body larger than the configured limit"),
                    @ApiResponse(responseCode = "415", description = "Content type is not application/hl7-v2"),
                    @ApiResponse(responseCode = "422", description = "ACK AE with one ERR segment per problem (ERR-2 names the field)"),
                    @ApiResponse(responseCode = "503", description = "ACK AR: Kafka unavailable; nothing published, retry after Retry-After")})
    CompletableFuture<HttpResponse<String>> submit(@Body @Nullable byte[] body, Authentication caller) {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        return hl7.process(text, SourceSystems.of(caller), List.of(), Transport.HTTP).thenApply(answer -> {
            if (answer.unavailable()) {
                return Unavailable.response(settings, answer.ack()).contentType(HL7_V2);
            }
            HttpStatus status = switch (answer.code()) {
                case AA -> HttpStatus.OK;
                case AE -> HttpStatus.UNPROCESSABLE_ENTITY;
                case AR -> HttpStatus.BAD_REQUEST;
            };
            return HttpResponse.<String>status(status).body(answer.ack()).contentType(HL7_V2);
        });
    }
}
