package io.revcycle.ingest.json;

import io.micronaut.serde.annotation.Serdeable;
import io.revcycle.ingest.encounter.EncounterSubmission;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * The batch body as documented. The controller reads items one by one from the JSON tree so that
 * one unreadable item does not refuse the others.
 */
@Serdeable
@Schema(name = "EncounterBatch")
public record BatchRequest(List<EncounterSubmission> encounters) {
}
