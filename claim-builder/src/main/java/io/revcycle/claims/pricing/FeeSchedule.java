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
 * revenue code). Read from CSV lines {@code code,amount}; a header line and {@code #} comments are
 * skipped.
 */
public final class FeeSchedule {

    private final Map<String, BigDecimal> prices;

    public FeeSchedule(Map<String, BigDecimal> prices) {
        this.prices = Map.copyOf(prices);
    }

    /** Parses the CSV; a malformed line fails the whole file with its line number. */
    public static FeeSchedule read(Reader csv) throws IOException {
        Map<String, BigDecimal> prices = new HashMap<>();
        BufferedReader in = new BufferedReader(csv);
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#") || text.toLowerCase().startsWith("code,")) {
                continue;
            }
            String[] fields = text.split(",");
            if (fields.length != 2) {
                throw new IOException("fee schedule line " + number + ": expected code,amount");
            }
            try {
                prices.put(fields[0].strip(), Money.of(fields[1].strip()));
            } catch (ArithmeticException | NumberFormatException e) {
                throw new IOException("fee schedule line " + number + ": bad amount " + fields[1].strip(), e);
            }
        }
        return new FeeSchedule(prices);
    }

    /** Price of one unit of the code, if scheduled. */
    public Optional<BigDecimal> price(String code) {
        return Optional.ofNullable(prices.get(code));
    }
}
