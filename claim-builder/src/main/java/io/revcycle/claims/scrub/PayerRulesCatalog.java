package io.revcycle.claims.scrub;

import io.revcycle.events.Coverage;
import io.revcycle.events.FinancialClass;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scrub settings per payer id. A payer without its own entry gets Medicare's 365-day window when
 * its financial class is Medicare, otherwise the default.
 */
public final class PayerRulesCatalog {

    private final Map<String, PayerRules> byPayerId;
    private final PayerRules defaults;

    public PayerRulesCatalog(Map<String, PayerRules> byPayerId, PayerRules defaults) {
        this.byPayerId = Map.copyOf(byPayerId);
        this.defaults = defaults;
    }

    /**
     * Parses CSV lines {@code payerId,timelyFilingDays,disabledRules} (rules separated by ';');
     * payer {@code *} is the default, 180 days with every rule on when absent.
     */
    public static PayerRulesCatalog read(Reader csv) throws IOException {
        Map<String, PayerRules> payers = new HashMap<>();
        BufferedReader in = new BufferedReader(csv);
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#") || text.toLowerCase().startsWith("payerid,")) {
                continue;
            }
            String[] f = text.split(",", -1);
            if (f.length < 2 || f.length > 3) {
                throw new IOException("payer line " + number + ": expected payerId,timelyFilingDays,disabledRules");
            }
            Set<String> disabled = f.length < 3 ? Set.of() : Arrays.stream(f[2].split(";")).map(String::strip)
                    .filter(r -> !r.isEmpty()).collect(Collectors.toSet());
            try {
                payers.put(f[0].strip(), new PayerRules(Integer.parseInt(f[1].strip()), disabled));
            } catch (NumberFormatException e) {
                throw new IOException("payer line " + number + ": bad day count " + f[1].strip(), e);
            }
        }
        PayerRules defaults = payers.remove("*");
        return new PayerRulesCatalog(payers, defaults != null ? defaults : PayerRules.standard(180));
    }

    /** The settings that apply to a coverage's payer. */
    public PayerRules forCoverage(Coverage coverage) {
        PayerRules own = byPayerId.get(coverage.getPayerId());
        if (own != null) {
            return own;
        }
        if (coverage.getFinancialClass() == FinancialClass.MEDICARE) {
            return new PayerRules(PayerRules.MEDICARE_TIMELY_FILING_DAYS, defaults.disabledRules());
        }
        return defaults;
    }
}
