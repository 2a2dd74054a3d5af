package io.revcycle.payments.posting;

import io.revcycle.events.PaymentPosted;

/**
 * What has been posted on one claim before the remittance at hand.
 *
 * @param last          the latest posting of any type, null when none
 * @param active        the latest posting not reversed since, null when none
 * @param alreadyPosted true when this remittance's posting id was posted before (a duplicate ERA)
 */
public record ClaimLedger(PaymentPosted last, PaymentPosted active, boolean alreadyPosted) {

    /** A claim nothing was ever posted on. */
    public static ClaimLedger empty() {
        return new ClaimLedger(null, null, false);
    }
}
