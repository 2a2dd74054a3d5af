package io.revcycle.deploy.e2e.bench;

import io.revcycle.deploy.e2e.PipelineHarness;
import io.revcycle.deploy.e2e.PipelineObserver;
import io.revcycle.deploy.e2e.PipelineObserver.ClaimTrace;
import io.revcycle.deploy.e2e.ServiceProcess;
import io.revcycle.deploy.feed.FeedReport;
import io.revcycle.deploy.feed.FeedSettings;
import io.revcycle.deploy.feed.Outcome;
import io.revcycle.deploy.feed.SyntheticEhrFeed;
import io.revcycle.deploy.feed.generate.GeneratorSettings;
import io.revcycle.events.ClaimState;
import io.revcycle.events.PaymentPosted;
import io.revcycle.schemas.Topics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The whole pipeline under load, on the same harness as the end-to-end test: N synthetic encounters
 * through ingest (all formats), coding, claims, the payer simulator with no remittance delay, and
 * payment posting; then, in the same run and on the same broker, a raw Kafka pass-through chain with
 * as many hops and the same record sizes. Prints throughput, per-stage latency, the ratio and the
 * stack's peak resident memory.
 *
 * <p>Arguments: encounters (default 10,000), feed rate per second (default 0 = as fast as ingest
 * answers 32 requests in flight). Needs the services' jars ({@code mvn -B package -DskipTests}).
 */
public final class PipelineBenchmark {

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int encounters = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 0;
        List<Path> missing = PipelineHarness.missingJars();
        if (!missing.isEmpty()) {
            System.err.println("build the services first (mvn -B package -DskipTests); missing " + missing);
            System.exit(2);
        }
        Path work = Files.createTempDirectory("revcycle-pipeline-bench");
        try (PipelineHarness harness = PipelineHarness.start(work, null, 1, Duration.ofMinutes(3))) {
            PipelineObserver observer = harness.observe();
            try {
                run(harness, observer, encounters, rate);
            } finally {
                observer.close();
                System.out.println("service output: " + work.resolve("logs"));
            }
        }
    }

    private static void run(PipelineHarness harness, PipelineObserver observer, int encounters, double rate) throws Exception {
        GeneratorSettings generator = GeneratorSettings.defaults().withSeed(1).withIdPrefix("BENCH")
                .withRates(0, 0).withSelfPayRate(0);
        FeedSettings feedSettings = harness.feedSettings(generator)
                .withPace(rate > 0 ? rate : 1_000_000, encounters, null).withConcurrency(32, 5);
        Map<String, Double> cpuBefore = cpuSeconds(harness);
        long started = System.nanoTime();
        FeedReport feed = new SyntheticEhrFeed(feedSettings).run();
        double sendSeconds = (System.nanoTime() - started) / 1e9;
        long accepted = feed.total(Outcome.ACCEPTED);
        System.out.printf("fed %d encounters in %.1f s (%.0f/s): accepted %d, errors %d%n", feed.sent(), sendSeconds,
                feed.sent() / sendSeconds, accepted, feed.total(Outcome.ERROR));

        long ended = awaitEnds(observer, accepted, Duration.ofSeconds(30));
        Map<String, Double> cpuAfter = cpuSeconds(harness);
        Map<String, Instant> received = observer.received();
        Map<String, Instant> coded = observer.coded();
        Map<String, ClaimTrace> claims = observer.claims();
        Map<String, Instant> posted = new HashMap<>();
        for (PaymentPosted p : observer.payments()) {
            posted.merge(p.getClaimId(), p.getPostedAt(), (a, b) -> a.isBefore(b) ? a : b);
        }
        if (ended < accepted) {
            System.out.printf("STALLED: %d of %d accepted encounters reached an end; nothing moved for 30 s%n", ended, accepted);
        }

        Instant first = received.values().stream().min(Instant::compareTo).orElseThrow();
        List<Long> toCoded = new ArrayList<>();
        List<Long> codedToSubmitted = new ArrayList<>();
        List<Long> submittedToPosted = new ArrayList<>();
        List<Long> toSubmitted = new ArrayList<>();
        List<Long> toHandedOver = new ArrayList<>();
        List<Long> toPosted = new ArrayList<>();
        Instant lastSubmitted = first;
        Instant lastPosted = first;
        int scrubFailed = 0;
        for (ClaimTrace claim : claims.values()) {
            Instant in = received.get(claim.encounterId());
            Instant c = coded.get(claim.encounterId());
            if (in == null) {
                continue;
            }
            if (c != null) {
                toCoded.add(millis(in, c));
            }
            if (claim.latest() == ClaimState.SCRUB_FAILED) {
                scrubFailed++;
            }
            if (claim.handedOverAt() != null) {
                toHandedOver.add(millis(in, claim.handedOverAt()));
            }
            if (claim.submittedAt() != null) {
                toSubmitted.add(millis(in, claim.submittedAt()));
                if (c != null) {
                    codedToSubmitted.add(millis(c, claim.submittedAt()));
                }
                lastSubmitted = later(lastSubmitted, claim.submittedAt());
                Instant p = posted.get(claim.claimId());
                if (p != null) {
                    submittedToPosted.add(millis(claim.submittedAt(), p));
                    toPosted.add(millis(in, p));
                    lastPosted = later(lastPosted, p);
                }
            }
        }
        double submittedRate = toSubmitted.size() / seconds(first, lastSubmitted);
        double postedRate = toPosted.size() / seconds(first, lastPosted);

        System.out.printf("%nencounters received %d, coded %d, claims %d (scrub failed %d), submitted %d, posted %d, denials %d%n",
                received.size(), coded.size(), claims.size(), scrubFailed, toSubmitted.size(), toPosted.size(),
                observer.denials().size());
        System.out.printf("throughput, first encounter received to last claim submitted: %.0f encounters/s%n", submittedRate);
        System.out.printf("throughput, first encounter received to last payment posted:  %.0f encounters/s%n", postedRate);
        System.out.printf("latency (ms; claims wait up to %s for their interchange to fill)%n", PipelineHarness.BATCH_WINDOW);
        System.out.println("                                 p50      p99      max");
        print("ingest -> coded", toCoded);
        print("coded -> claim submitted", codedToSubmitted);
        // negative when the payment is posted before the claim builder records SUBMITTED
        print("claim submitted -> posted", submittedToPosted);
        print("ingest -> claim submitted", toSubmitted);
        print("ingest -> 837 handed over", toHandedOver);
        print("ingest -> payment posted", toPosted);
        StringBuilder cpu = new StringBuilder();
        double cpuTotal = 0;
        for (Map.Entry<String, Double> process : cpuAfter.entrySet()) {
            double used = process.getValue() - cpuBefore.getOrDefault(process.getKey(), 0.0);
            cpuTotal += used;
            cpu.append(String.format(" %s %.1f s,", process.getKey(), used));
        }
        System.out.printf("CPU used while the encounters went through: %.1f s in all (%.2f ms per encounter):%s%n",
                cpuTotal, 1000 * cpuTotal / Math.max(1, received.size()), cpu.substring(0, cpu.length() - 1));

        int[] sizes = {
                observer.averageValueSize(Topics.ENCOUNTERS.name()),
                observer.averageValueSize(Topics.ENCOUNTERS_CODED.name()),
                observer.averageValueSize(Topics.CLAIMS.name()),
                observer.averageValueSize(Topics.REMITTANCES.name()),
                observer.averageValueSize(Topics.PAYMENTS.name())};
        double raw = RawPassThroughChain.run(harness.stack().bootstrapServers(), toPosted.size(), sizes,
                Topics.ENCOUNTERS.partitions(), Duration.ofMinutes(10));
        System.out.printf("%nraw pass-through chain, %d records, %d transactional hops, value bytes %s: %.0f records/s%n",
                toPosted.size(), sizes.length - 1, java.util.Arrays.toString(sizes), raw);
        System.out.printf("pipeline to payment posted / raw chain: %.1f %%%n", 100 * postedRate / raw);

        long total = harness.peakResidentBytes();
        StringBuilder parts = new StringBuilder();
        for (ServiceProcess s : harness.services()) {
            parts.append(String.format(" %s %d MiB,", s.name(), s.peakResidentBytes() >> 20));
        }
        System.out.printf("peak resident memory (VmHWM): %d MiB in all:%s this JVM (broker, registry, simulator, feed, observer) %d MiB%n",
                total >> 20, parts, ServiceProcess.peakResidentBytes(ProcessHandle.current().pid()) >> 20);
    }

    /** CPU seconds used so far by each service process and by this JVM (broker, registry, simulator, feed, observer). */
    private static Map<String, Double> cpuSeconds(PipelineHarness harness) {
        Map<String, Double> used = new java.util.LinkedHashMap<>();
        for (ServiceProcess s : harness.services()) {
            used.put(s.name(), cpuSeconds(ProcessHandle.of(s.pid())));
        }
        used.put("this JVM", cpuSeconds(Optional.of(ProcessHandle.current())));
        return used;
    }

    private static double cpuSeconds(Optional<ProcessHandle> process) {
        return process.flatMap(p -> p.info().totalCpuDuration()).map(d -> d.toNanos() / 1e9).orElse(0.0);
    }

    /** Waits until every accepted encounter reached an end, or nothing moved for {@code quiet}; returns how many ended. */
    private static long awaitEnds(PipelineObserver observer, long accepted, Duration quiet) throws InterruptedException {
        long ended = 0;
        long lastProgress = System.nanoTime();
        while (ended < accepted && System.nanoTime() - lastProgress < quiet.toNanos()) {
            Thread.sleep(500);
            long now = ended(observer);
            if (now != ended) {
                ended = now;
                lastProgress = System.nanoTime();
            }
        }
        return ended;
    }

    /** Encounters that reached an end: a payment posted, a claim state nothing is paid from, or a coding query. */
    private static long ended(PipelineObserver o) {
        Map<String, ClaimTrace> claims = o.claims();
        Set<String> posted = new java.util.HashSet<>();
        o.payments().forEach(p -> posted.add(p.getClaimId()));
        long ended = o.queries().size();
        for (ClaimTrace c : claims.values()) {
            if (posted.contains(c.claimId()) || PipelineObserver.NEVER_PAID.contains(c.latest())) {
                ended++;
            }
        }
        return ended;
    }

    private static void print(String stage, List<Long> millis) {
        if (millis.isEmpty()) {
            System.out.printf("%-30s %8s%n", stage, "-");
            return;
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("%-30s %8d %8d %8d%n", stage, percentile(sorted, 0.50), percentile(sorted, 0.99),
                sorted.get(sorted.size() - 1));
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static long millis(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(1, Duration.between(from, to).toMillis()) / 1000.0;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
