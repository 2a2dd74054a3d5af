package io.revcycle.payments;

import io.micronaut.runtime.Micronaut;

/** Starts the payment-posting service. */
public final class PaymentPostingApplication {

    private PaymentPostingApplication() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(PaymentPostingApplication.class).banner(false).start();
    }
}
