package io.revcycle.deploy.dashboard;

import io.micronaut.runtime.Micronaut;

/**
 * Starts the operations dashboard: a process of its own that watches a cluster (Kafka Admin API and
 * its own reading of the event topics) and serves the live page and its JSON.
 */
public final class DashboardApplication {

    private DashboardApplication() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(DashboardApplication.class).banner(false).start();
    }
}
