package io.revcycle.claims;

import io.micronaut.runtime.Micronaut;

/** Starts the claim-builder service. */
public final class ClaimBuilderApplication {

    private ClaimBuilderApplication() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(ClaimBuilderApplication.class).banner(false).start();
    }
}
