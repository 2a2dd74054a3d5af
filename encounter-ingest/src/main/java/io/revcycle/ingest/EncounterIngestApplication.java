package io.revcycle.ingest;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Starts the encounter-ingest service. */
@OpenAPIDefinition(info = @Info(title = "encounter-ingest", version = "1.0",
        description = "Takes EHR encounters as JSON, FHIR R4 Bundles and HL7 v2.5.1 DFT^P03, validates them and publishes them to Kafka."))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER, paramName = "X-API-Key")
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public final class EncounterIngestApplication {

    private EncounterIngestApplication() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(EncounterIngestApplication.class).banner(false).start();
    }
}
