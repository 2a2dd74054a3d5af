package io.revcycle.ingest.fhir;

import ca.uhn.fhir.context.FhirContext;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The process's one FHIR R4 context: building it scans the whole model, so it is built once. */
@Factory
class FhirBeans {

    @Singleton
    FhirContext fhirContext() {
        return FhirContext.forR4();
    }

    @Singleton
    FhirBundleReader fhirBundleReader(FhirContext fhir) {
        return new FhirBundleReader(fhir);
    }
}
