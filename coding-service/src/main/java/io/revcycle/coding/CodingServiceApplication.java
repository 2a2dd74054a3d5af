package io.revcycle.coding;

import io.micronaut.runtime.Micronaut;

/** Starts the coding-service service. */
public final class CodingServiceApplication {

    private CodingServiceApplication() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(CodingServiceApplication.class).banner(false).start();
    }
}
