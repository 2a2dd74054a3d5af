package io.revcycle.claims.pricing;

import io.revcycle.schemas.Money;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A facility's charge master / fee schedule: the price of one unit of a code (CPT, HCPCS or
 * revenue code) and, for hospital claims, the revenue code the charge is billed under. Read from
 * CSV lines {@code code,amount[,revenueCode]}; a header line and {@code #} comments are skipped.
 */
public final class FeeSchedule {

    private final Map<String, BigDecimal> prices;
    private final Map<String, String> revenueCodes;

    public FeeSchedule(Map<String, BigDecimal> prices) {
        this(prices, Map.of());
    }

    public FeeSchedule(Map<String, BigDecimal> prices, Map<String, String> revenueCodes) {
        this.prices = Map.copyOf(prices);
        this.revenueCodes = Map.copyOf(revenueCodes);
    }

    /** Parses the CSV; a malformed line fails the whole file with its line number. */
    public static FeeSchedule read(Reader csv) throws IOException {
        Map<String, BigDecimal> prices = new HashMap<>();
        Map<String, String> revenueCodes = new HashMap<>();
        BufferedReader in = new BufferedReader(csv);
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#") || text.toLowerCase().startsWith("code,")) {
                continue;
            }
            String[] fields = text.split(",", -1);
            if (fields.length != 2 && fields.length != 3) {
                throw new IOException("fee schedule line " + number + ": expected code,amount[,revenueCode]");
            }
            String code = fields[0].strip();
            try {
                prices.put(code, Money.of(fields[1].strip()));
            } catch (ArithmeticException | NumberFormatException e) {
                throw new IOException("fee schedule line " + number + ": bad amount " + fields[1].strip(), e);
            }
            if (fields.length == 3 && !fields[2].isBlank()) {
                String revenueCode = fields[2].strip();
                if (!revenueCode.matches("\\d{4}")) {
                    throw new IOException("fee schedule line " + number + ": revenue code must be 4 digits, not " + revenueCode);
                }
                revenueCodes.put(code, revenueCode);
            }
        }
        return new FeeSchedule(prices, revenueCodes);
    }

    /** Price of one unit of the code, if scheduled. */
    public Optional<BigDecimal> price(String code) {
        return Optional.ofNullable(prices.get(code));
    }

    /** The revenue code the charge master bills this procedure code under, if it names one. */
    public Optional<String> revenueCode(String code) {
        return Optional.ofNullable(revenueCodes.get(code));
    }
}
