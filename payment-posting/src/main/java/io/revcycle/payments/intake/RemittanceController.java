package io.revcycle.payments.intake;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.core.annotation.Nullable;

import java.util.UUID;

/**
 * {@code POST /v1/remittances}: an 835 as the raw X12 body. Answers once Kafka has the file's
 * records: 202 with the per-claim summary when everything was sent for posting, 422 with the same
 * summary and the precise exceptions otherwise (unreadable file, or a transaction set that does not
 * balance and was held back).
 */
@Controller("/v1/remittances")
public class RemittanceController {

    private final RemittanceIntake intake;

    public RemittanceController(RemittanceIntake intake) {
        this.intake = intake;
    }

    @Post(consumes = {MediaType.TEXT_PLAIN, "application/edi-x12", MediaType.APPLICATION_OCTET_STREAM},
            produces = MediaType.APPLICATION_JSON)
    public HttpResponse<IntakeReport> receive(@Body byte[] content, @Nullable @QueryValue String name) {
        String source = name != null && !name.isBlank() ? name : "upload-" + UUID.randomUUID();
        IntakeReport report = intake.publish(intake.read(content, source));
        return HttpResponse.<IntakeReport>status(report.complete() ? HttpStatus.ACCEPTED : HttpStatus.UNPROCESSABLE_ENTITY)
                .body(report);
    }
}
