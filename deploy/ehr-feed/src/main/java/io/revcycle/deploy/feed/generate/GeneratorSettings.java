package io.revcycle.deploy.feed.generate;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * The generator's knobs.
 *
 * @param seed        the same seed (and clock date) gives the same encounters
 * @param idPrefix    encounter ids are {@code idPrefix-seed-sequence}; change it to resend a mix as new encounters
 * @param rejectRate  share of encounters with a deliberate error ingest refuses
 * @param queryRate   share of encounters with a documentation gap coding asks about
 * @param selfPayRate share of (valid) encounters the patient pays
 * @param specialties relative weights of the kinds of care
 * @param clock       today's date for service dates (services lie in the past month, errors in the future)
 */
public record GeneratorSettings(long seed, String idPrefix, double rejectRate, double queryRate, double selfPayRate,
                                Map<Specialty, Integer> specialties, Clock clock) {

    public GeneratorSettings {
        if (rejectRate < 0 || queryRate < 0 || rejectRate + queryRate > 1 || selfPayRate < 0 || selfPayRate > 1) {
            throw new IllegalArgumentException("rates must lie in [0, 1] and rejectRate + queryRate must not exceed 1");
        }
        if (specialties.values().stream().anyMatch(w -> w < 0) || specialties.values().stream().mapToInt(Integer::intValue).sum() == 0) {
            throw new IllegalArgumentException("specialty weights must be non-negative and not all zero");
        }
        specialties = Map.copyOf(specialties);
    }

    /** Seed 1, 5% rejections, 10% queries, 5% self-pay, the default specialty mix, the system clock (UTC). */
    public static GeneratorSettings defaults() {
        return new GeneratorSettings(1, "SYN", 0.05, 0.10, 0.05, defaultSpecialties(), Clock.systemUTC());
    }

    /** Every specialty at its default weight. */
    public static Map<Specialty, Integer> defaultSpecialties() {
        Map<Specialty, Integer> weights = new EnumMap<>(Specialty.class);
        for (Specialty s : Specialty.values()) {
            weights.put(s, s.defaultWeight());
        }
        return weights;
    }

    public GeneratorSettings withSeed(long newSeed) {
        return new GeneratorSettings(newSeed, idPrefix, rejectRate, queryRate, selfPayRate, specialties, clock);
    }

    public GeneratorSettings withIdPrefix(String prefix) {
        return new GeneratorSettings(seed, prefix, rejectRate, queryRate, selfPayRate, specialties, clock);
    }

    public GeneratorSettings withRates(double reject, double query) {
        return new GeneratorSettings(seed, idPrefix, reject, query, selfPayRate, specialties, clock);
    }

    public GeneratorSettings withSelfPayRate(double rate) {
        return new GeneratorSettings(seed, idPrefix, rejectRate, queryRate, rate, specialties, clock);
    }

    public GeneratorSettings withSpecialties(Map<Specialty, Integer> weights) {
        return new GeneratorSettings(seed, idPrefix, rejectRate, queryRate, selfPayRate, weights, clock);
    }

    public GeneratorSettings withClock(Clock newClock) {
        return new GeneratorSettings(seed, idPrefix, rejectRate, queryRate, selfPayRate, specialties, newClock);
    }
}
