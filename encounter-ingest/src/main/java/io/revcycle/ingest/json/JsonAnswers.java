package io.revcycle.ingest.json;

import io.micronaut.serde.annotation.SerdeImport;
import io.micronaut.serde.annotation.Serdeable;
import io.revcycle.ingest.validation.Problem;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** Bodies the JSON API answers with. */
@SerdeImport(Problem.class)
public final class JsonAnswers {

    private JsonAnswers() {
    }

    /** The encounter is on Kafka (accepted) or already was with the same content (duplicate). */
    @Serdeable
    @Schema(name = "EncounterAccepted")
    public record Accepted(
            String encounterId,
            int encounterVersion,
            @Schema(allowableValues = {"accepted", "duplicate"}) String status) {
    }

    /** The input was refused; every problem names a field path, a rule and a reason. */
    @Serdeable
    @Schema(name = "EncounterRefused")
    public record Refused(String error, List<Problem> problems) {
    }

    /** One item of a batch answer. */
    @Serdeable
    @Schema(name = "BatchItemResult")
    public record ItemResult(
            int index,
            String encounterId,
            Integer encounterVersion,
            @Schema(allowableValues = {"accepted", "duplicate", "rejected", "unavailable"}) String status,
            List<Problem> problems) {
    }

    /** The batch answer: one result per item, in order, and counts. */
    @Serdeable
    @Schema(name = "BatchResult")
    public record BatchResult(int accepted, int duplicate, int rejected, int unavailable, List<ItemResult> results) {
    }
}
