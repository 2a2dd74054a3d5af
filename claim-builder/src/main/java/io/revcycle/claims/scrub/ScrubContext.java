package io.revcycle.claims.scrub;

import java.time.LocalDate;

/**
 * What a rule may know besides the claim: today's date and the payer's settings.
 *
 * @param today the date the claim is scrubbed (filing date)
 * @param payer the claim's payer settings
 */
public record ScrubContext(LocalDate today, PayerRules payer) {
}
