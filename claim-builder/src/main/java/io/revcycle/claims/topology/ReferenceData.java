package io.revcycle.claims.topology;

import io.micronaut.context.annotation.Value;
import io.revcycle.claims.pricing.ClaimPricer;
import io.revcycle.claims.pricing.FeeSchedule;
import io.revcycle.claims.pricing.PayerContracts;
import io.revcycle.claims.scrub.PayerRulesCatalog;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The customer-loaded reference files, read once at start from {@code claims.reference-dir}:
 * {@code fee-schedule-<facilityId>.csv} per facility, {@code fee-schedule-default.csv},
 * {@code contracts.csv} and {@code payers.csv}. A file that is absent falls back to the bundled
 * starter copy; a file that is present but malformed stops the service at start.
 */
@Singleton
public final class ReferenceData {

    private static final String FACILITY_PREFIX = "fee-schedule-";
    private final ClaimPricer pricer;
    private final PayerRulesCatalog payers;

    public ReferenceData(@Value("${claims.reference-dir:}") String referenceDir) {
        Path dir = referenceDir.isBlank() ? null : Path.of(referenceDir);
        try {
            FeeSchedule defaults;
            try (Reader in = open(dir, "fee-schedule-default.csv", "/pricing/fee-schedule-default.csv")) {
                defaults = FeeSchedule.read(in);
            }
            PayerContracts contracts;
            try (Reader in = open(dir, "contracts.csv", "/pricing/contracts-default.csv")) {
                contracts = PayerContracts.read(in);
            }
            try (Reader in = open(dir, "payers.csv", "/scrub/payers.csv")) {
                payers = PayerRulesCatalog.read(in);
            }
            pricer = new ClaimPricer(facilitySchedules(dir), defaults, contracts);
        } catch (IOException e) {
            throw new UncheckedIOException("reference data unreadable: " + e.getMessage(), e);
        }
    }

    public ClaimPricer pricer() {
        return pricer;
    }

    public PayerRulesCatalog payers() {
        return payers;
    }

    private static Map<String, FeeSchedule> facilitySchedules(Path dir) throws IOException {
        Map<String, FeeSchedule> schedules = new HashMap<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return schedules;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, FACILITY_PREFIX + "*.csv")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String facilityId = name.substring(FACILITY_PREFIX.length(), name.length() - ".csv".length());
                if (!facilityId.equals("default")) {
                    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        schedules.put(facilityId, FeeSchedule.read(in));
                    }
                }
            }
        }
        return schedules;
    }

    private static Reader open(Path dir, String fileName, String bundled) throws IOException {
        if (dir != null && Files.isRegularFile(dir.resolve(fileName))) {
            return Files.newBufferedReader(dir.resolve(fileName), StandardCharsets.UTF_8);
        }
        InputStream in = ReferenceData.class.getResourceAsStream(bundled);
        if (in == null) {
            throw new IOException("bundled " + bundled + " missing");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
