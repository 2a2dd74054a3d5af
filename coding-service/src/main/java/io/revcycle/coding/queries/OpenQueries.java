package io.revcycle.coding.queries;

import io.revcycle.events.CodingQuery;
import io.revcycle.events.QueryReason;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Filters over the open queries: by reason, by provider, by age. Oldest first. */
public final class OpenQueries {

    private OpenQueries() {
    }

    /**
     * @param reason     only this reason, or null for all
     * @param providerNpi only queries to this provider, or null for all
     * @param olderThan  only queries raised longer ago than this, or null for all
     */
    public static List<CodingQuery> filter(Stream<CodingQuery> open, QueryReason reason, String providerNpi,
                                           Duration olderThan, Instant now) {
        return open
                .filter(q -> reason == null || q.getReason() == reason)
                .filter(q -> providerNpi == null || providerNpi.equals(q.getProviderNpi()))
                .filter(q -> olderThan == null || q.getRaisedAt().isBefore(now.minus(olderThan)))
                .sorted(Comparator.comparing(CodingQuery::getRaisedAt))
                .toList();
    }

    /** Age of the oldest open query, if any. */
    public static Optional<Duration> oldestAge(Stream<CodingQuery> open, Instant now) {
        return open.map(CodingQuery::getRaisedAt).min(Comparator.naturalOrder()).map(raised -> Duration.between(raised, now));
    }
}
