package io.revcycle.ingest.publish;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The one ledger of the process. */
@Factory
class LedgerBeans {

    @Singleton
    EncounterLedger encounterLedger() {
        return new EncounterLedger();
    }
}
