package io.revcycle.claims.pricing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Contract rates per payer and code. CSV lines {@code payerId,code,method,value} where method is
 * {@code PERCENT} or {@code FIXED} and code {@code *} is the payer's rate for every code not listed.
 */
public final class PayerContracts {

    private static final String ANY_CODE = "*";
    private final Map<String, ContractRate> rates;

    public PayerContracts(Map<String, ContractRate> ratesByPayerAndCode) {
        this.rates = Map.copyOf(ratesByPayerAndCode);
    }

    /** Parses the CSV; a malformed line fails the whole file with its line number. */
    public static PayerContracts read(Reader csv) throws IOException {
        Map<String, ContractRate> rates = new HashMap<>();
        BufferedReader in = new BufferedReader(csv);
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#") || text.toLowerCase().startsWith("payerid,")) {
                continue;
            }
            String[] f = text.split(",");
            if (f.length != 4) {
                throw new IOException("contract line " + number + ": expected payerId,code,method,value");
            }
            ContractRate.Method method = switch (f[2].strip().toUpperCase()) {
                case "PERCENT" -> ContractRate.Method.PERCENT_OF_FEE_SCHEDULE;
                case "FIXED" -> ContractRate.Method.FIXED;
                default -> throw new IOException("contract line " + number + ": method must be PERCENT or FIXED");
            };
            try {
                rates.put(key(f[0].strip(), f[1].strip()), new ContractRate(method, new BigDecimal(f[3].strip())));
            } catch (NumberFormatException e) {
                throw new IOException("contract line " + number + ": bad value " + f[3].strip(), e);
            }
        }
        return new PayerContracts(rates);
    }

    /** The payer's rate for the code, or its default rate. */
    public Optional<ContractRate> rate(String payerId, String code) {
        ContractRate specific = rates.get(key(payerId, code));
        return Optional.ofNullable(specific != null ? specific : rates.get(key(payerId, ANY_CODE)));
    }

    private static String key(String payerId, String code) {
        return payerId + '|' + code;
    }
}
