package io.revcycle.deploy.feed;

import io.revcycle.deploy.feed.generate.EncounterGenerator;
import io.revcycle.deploy.feed.generate.SyntheticEncounter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends generated encounters through the real ingest endpoints at a steady rate, spreading them
 * over JSON, JSON batch, FHIR, HL7 over HTTP and HL7 over MLLP by weight, and counts what comes
 * back. Bounded by a count and/or a duration; {@link #stop()} ends it early, after the requests in
 * flight are answered (a batch being filled is sent first).
 *
 * <p>Pacing is by schedule: encounter {@code i} is due {@code i / rate} seconds after the start, so
 * a slow answer does not slow the feed as long as fewer than {@code concurrency} requests are in
 * flight. Batch encounters wait until their batch is full. No patient data is logged.
 */
public final class SyntheticEhrFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyntheticEhrFeed.class);
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final FeedSettings settings;
    private final FeedReport.Counters counters = new FeedReport.Counters();
    private final List<Delivery> deliveries = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean stopped;

    public SyntheticEhrFeed(FeedSettings settings) {
        this.settings = settings;
    }

    /** Sends until the count or the duration is reached or {@link #stop()} is called; returns the final report. */
    public FeedReport run() throws InterruptedException {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a feed runs once");
        }
        EncounterGenerator generator = new EncounterGenerator(settings.generator());
        Random channels = new Random(settings.generator().seed() * 31 + 17);
        ExecutorService senders = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread t = new Thread(r, "ehr-feed-sender");
            t.setDaemon(true);
            return t;
        });
        Semaphore inFlight = new Semaphore(settings.concurrency());
        LOG.info("synthetic EHR feed: {} encounters/s to {} (MLLP {}:{}), count {}, duration {}", settings.rate(),
                settings.ingestUrl(), settings.mllpHost(), settings.mllpPort(),
                settings.count() == 0 ? "unbounded" : settings.count(),
                settings.maxDuration() == null ? "unbounded" : settings.maxDuration());
        try (IngestClient client = new IngestClient(settings)) {
            long start = System.nanoTime();
            long deadline = settings.maxDuration() == null ? Long.MAX_VALUE : start + settings.maxDuration().toNanos();
            List<SyntheticEncounter> batch = new ArrayList<>();
            for (long i = 0; settings.count() == 0 || i < settings.count(); i++) {
                if (!waitUntil(start + (long) (i * 1e9 / settings.rate()), deadline)) {
                    break;
                }
                SyntheticEncounter e = generator.next();
                Channel channel = pick(channels);
                if (channel == Channel.JSON_BATCH) {
                    batch.add(e);
                    if (batch.size() >= settings.batchSize()) {
                        List<SyntheticEncounter> full = List.copyOf(batch);
                        batch.clear();
                        submit(senders, inFlight, full, Channel.JSON_BATCH, () -> client.batch(full));
                    }
                } else {
                    submit(senders, inFlight, List.of(e), channel, () -> List.of(client.send(channel, e)));
                }
            }
            if (!batch.isEmpty()) {
                List<SyntheticEncounter> rest = List.copyOf(batch);
                submit(senders, inFlight, rest, Channel.JSON_BATCH, () -> client.batch(rest));
            }
            senders.shutdown();
            if (!senders.awaitTermination(5, TimeUnit.MINUTES)) {
                LOG.warn("synthetic EHR feed: requests still unanswered after 5 minutes; giving up on them");
                senders.shutdownNow();
            }
        } finally {
            senders.shutdownNow();
        }
        FeedReport report = report();
        LOG.info("synthetic EHR feed done: sent {}, accepted {}, duplicate {}, rejected {}, errors {}, unexpected {}",
                report.sent(), report.total(Outcome.ACCEPTED), report.total(Outcome.DUPLICATE),
                report.total(Outcome.REJECTED), report.total(Outcome.ERROR), report.unexpected());
        return report;
    }

    /** Asks a running feed to stop sending; {@link #run()} returns once the requests in flight are answered. */
    public void stop() {
        stopped = true;
    }

    /** The counts so far. */
    public FeedReport report() {
        return counters.snapshot(settings.keepDeliveries() ? List.copyOf(deliveries) : List.of());
    }

    @Override
    public void close() {
        stop();
    }

    private void submit(ExecutorService senders, Semaphore inFlight, List<SyntheticEncounter> encounters, Channel channel,
                        Callable<List<Delivery>> send) throws InterruptedException {
        inFlight.acquire();
        senders.execute(() -> {
            try {
                send.call().forEach(this::record);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                encounters.forEach(e -> record(new Delivery(e, channel, Outcome.ERROR, "interrupted")));
            } catch (Exception ex) {
                encounters.forEach(e -> record(new Delivery(e, channel, Outcome.ERROR, ex.getClass().getSimpleName())));
            } finally {
                inFlight.release();
            }
        });
    }

    private void record(Delivery d) {
        counters.record(d);
        if (settings.keepDeliveries()) {
            deliveries.add(d);
        }
        if (d.outcome() == Outcome.ERROR) {
            LOG.debug("encounter {} on {}: {}", d.encounter().encounterId(), d.channel(), d.detail());
        }
    }

    /** Sleeps until the due time; false when stopped or the deadline comes first. */
    private boolean waitUntil(long due, long deadline) throws InterruptedException {
        while (!stopped) {
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                return false;
            }
            long wait = Math.min(due - now, Math.min(deadline - now, SLICE_NANOS));
            if (due - now <= 0) {
                return true;
            }
            TimeUnit.NANOSECONDS.sleep(wait);
        }
        return false;
    }

    private Channel pick(Random random) {
        Map<Channel, Integer> weights = settings.channels();
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        int draw = random.nextInt(total);
        for (Channel c : Channel.values()) {
            int w = weights.getOrDefault(c, 0);
            if (draw < w) {
                return c;
            }
            draw -= w;
        }
        throw new IllegalStateException("channel weights changed while drawing");
    }
}
