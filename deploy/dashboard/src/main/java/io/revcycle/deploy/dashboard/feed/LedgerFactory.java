package io.revcycle.deploy.dashboard.feed;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.revcycle.deploy.dashboard.kpi.RevenueCycleLedger;
import jakarta.inject.Singleton;

import java.time.Duration;

/** The one ledger the event feed fills and the page reads. */
@Factory
final class LedgerFactory {

    @Singleton
    RevenueCycleLedger ledger(@Value("${dashboard.unpaid-after:30d}") Duration unpaidAfter) {
        return new RevenueCycleLedger(unpaidAfter);
    }
}
