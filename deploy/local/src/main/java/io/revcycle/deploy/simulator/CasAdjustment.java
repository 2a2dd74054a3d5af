package io.revcycle.deploy.simulator;

import java.math.BigDecimal;

/**
 * One adjustment of a claim or line: CAS group (CO contractual, PR patient responsibility), CARC and
 * amount.
 */
record CasAdjustment(String group, String reason, BigDecimal amount) {

    CasAdjustment negated() {
        return new CasAdjustment(group, reason, amount.negate());
    }
}
