package io.revcycle.payments.intake;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Plain intake collaborators as beans. */
@Factory
class IntakeBeans {

    @Singleton
    RemittanceReader remittanceReader(Clock clock) {
        return new RemittanceReader(new RemittanceEvents(clock));
    }

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
