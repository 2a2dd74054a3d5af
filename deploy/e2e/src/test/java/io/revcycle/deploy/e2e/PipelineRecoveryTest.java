package io.revcycle.deploy.e2e;

import io.revcycle.deploy.e2e.PayerDecisions.ClaimDecision;
import io.revcycle.deploy.e2e.PipelineObserver.ClaimTrace;
import io.revcycle.deploy.feed.Channel;
import io.revcycle.deploy.feed.Delivery;
import io.revcycle.deploy.feed.FeedReport;
import io.revcycle.deploy.feed.Outcome;
import io.revcycle.deploy.feed.SyntheticEhrFeed;
import io.revcycle.deploy.feed.generate.GeneratorSettings;
import io.revcycle.events.ClaimState;
import io.revcycle.events.Denial;
import io.revcycle.events.ExceptionKind;
import io.revcycle.events.PaymentPosted;
import io.revcycle.events.SubmissionBatch;
import io.revcycle.events.SubmissionStatus;
import io.revcycle.schemas.Topics;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Nothing lost, nothing duplicated when services crash. While synthetic encounters flow through the
 * whole pipeline, each stream service is killed without warning (SIGKILL: no shutdown hook, no
 * graceful close of its Kafka clients, transactions left open) and started again from the same jar
 * with the same environment and state directory, as a supervisor would; ingest is killed and
 * restarted between two bursts of the feed. Afterwards every accepted encounter must have been coded
 * once, made exactly one claim, gone to the payer in exactly one interchange, been decided once by the
 * payer and posted once, to the cent of the payer's 835; and no stage may have dead-lettered anything.
 *
 * <p>The claim builder is killed the moment an 837 appears in the outbox, between handing it over
 * and committing the record of it: restarted, it must deliver that same interchange again from its
 * journal (the clearinghouse recognises it as already received) and never put its claims in another.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineRecoveryTest {

    private static final int FIRST_BURST = 200;
    private static final int SECOND_BURST = 60;
    /** Slow enough that encounters still arrive when the first claims are paid and the services die. */
    private static final double FIRST_RATE = 6.5;
    private static final double SECOND_RATE = 10;
    private static final long PAYER_SEED = 13;
    /**
     * A killed instance stays in its consumer group until its session times out, and its restarted
     * instance gets no task before that (45 s by default); a shorter timeout keeps the test short and
     * changes nothing else.
     */
    private static final String SESSION_TIMEOUT = "kafka.streams.default.session.timeout.ms";
    private static final Duration PROGRESS_WITHIN = Duration.ofSeconds(90);
    private static final Duration SETTLE_WITHIN = Duration.ofSeconds(180);

    private PipelineHarness harness;
    private PipelineObserver observer;
    private final List<FeedReport> feeds = new ArrayList<>();
    private final List<String> crashes = new ArrayList<>();
    private Set<String> accepted;
    private Set<String> stoppedAtScrubber;
    private Map<String, String> claimOfEncounter;
    private List<ClaimDecision> decisions;
    private List<ClearinghouseFiles.Interchange> interchanges;
    private Map<Long, Integer> answersPerInterchange;

    @RegisterExtension
    final TestWatcher serviceOutputOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (harness != null) {
                System.err.println(summary() + harness.serviceTails(80));
            }
        }
    };

    @BeforeAll
    void crashEveryServiceWhileEncountersFlow() throws Exception {
        List<Path> missing = PipelineHarness.missingJars();
        assumeTrue(missing.isEmpty(), () -> "the services' jars are not built: " + missing
                + "; run `mvn -B verify` from the project root (or `mvn -B package -DskipTests` first)");
        Path workDir = Files.createDirectories(Path.of("target", "e2e-recovery-" + System.currentTimeMillis()).toAbsolutePath());
        harness = PipelineHarness.start(workDir, resource("payers-without-rejections-or-reversals.properties"), PAYER_SEED,
                Duration.ofSeconds(120), Map.of(SESSION_TIMEOUT, "15000"));
        observer = harness.observe();

        // first burst: once claims are being paid, so that every stage has work, the stream services die one
        // after another: payment posting and coding at once, the claim builder as it hands an interchange over
        CompletableFuture<FeedReport> first = feed("RCVA", 21, FIRST_BURST, FIRST_RATE);
        progress("first payments posted", o -> o.payments().size() >= 5);
        crash("payment-posting");
        crash("coding-service");
        awaitInterchangeHandedOver();
        crash("claim-builder");
        feeds.add(first.get());

        // between the bursts ingest dies; the second burst goes to the restarted ingest, HTTP and MLLP
        crash("encounter-ingest");
        harness.awaitHealthy("encounter-ingest", Duration.ofSeconds(120));
        feeds.add(feed("RCVB", 22, SECOND_BURST, SECOND_RATE).get());

        accepted = feeds.stream().flatMap(f -> f.deliveries().stream()).filter(d -> d.outcome() == Outcome.ACCEPTED)
                .map(d -> d.encounter().encounterId()).collect(Collectors.toSet());
        Set<String> knownGap = feeds.stream().flatMap(f -> f.deliveries().stream())
                .filter(PipelineHarness::hospitalClaimWithoutRevenueCodes)
                .map(d -> d.encounter().encounterId()).collect(Collectors.toSet());
        observer.await(o -> o.settled(accepted), SETTLE_WITHIN);
        // a second look after everything settled: anything published twice would have arrived by now
        Thread.sleep(3_000);
        claimOfEncounter = new HashMap<>();
        observer.claims().values().forEach(c -> claimOfEncounter.put(c.encounterId(), c.claimId()));
        stoppedAtScrubber = observer.claims().values().stream()
                .filter(c -> knownGap.contains(c.encounterId()) && c.latest() == ClaimState.SCRUB_FAILED)
                .map(ClaimTrace::encounterId).collect(Collectors.toSet());
        decisions = PayerDecisions.readAll(harness.remittanceDirectories());
        interchanges = ClearinghouseFiles.taken(harness.clearinghouse().resolve("simulator"));
        answersPerInterchange = ClearinghouseFiles.answersPerInterchange(harness.clearinghouse().resolve("acks"));
        System.out.print(summary());
    }

    @AfterAll
    void stopEverything() throws InterruptedException {
        if (observer != null) {
            observer.close();
        }
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void everyServiceWasKilledAndCameBack() {
        assertEquals(List.of("payment-posting", "coding-service", "claim-builder", "encounter-ingest"),
                crashes.stream().map(c -> c.substring(0, c.indexOf(' '))).toList(), "services killed, in order");
        harness.services().forEach(s -> assertTrue(s.alive(), () -> s.name() + " is not running after its restart"));
    }

    @Test
    void everyEncounterSentWasAcceptedAndPublished() {
        assertEquals(FIRST_BURST + SECOND_BURST, feeds.stream().mapToLong(FeedReport::sent).sum(), "encounters sent");
        List<Delivery> notAccepted = feeds.stream().flatMap(f -> f.deliveries().stream())
                .filter(d -> d.outcome() != Outcome.ACCEPTED).toList();
        assertTrue(notAccepted.isEmpty(), () -> "refused or failed: " + notAccepted.stream()
                .map(d -> d.encounter().encounterId() + " " + d.channel() + " " + d.outcome() + " " + d.detail()).toList());
        assertEquals(accepted, observer.received().keySet(), "encounters on rcm.encounters");
    }

    @Test
    void everyAcceptedEncounterIsCodedExactlyOnceIntoExactlyOneClaim() {
        Map<String, Integer> codedCounts = observer.codedCounts();
        assertEquals(accepted, codedCounts.keySet(), "encounters on rcm.encounters.coded");
        Map<String, Integer> codedTwice = new TreeMap<>(codedCounts);
        codedTwice.values().removeIf(n -> n == 1);
        assertEquals(Map.of(), codedTwice, "encounters coded more than once");
        assertTrue(observer.queries().isEmpty(), () -> "coding queries for encounters without gaps: " + observer.queries().keySet());

        Map<String, List<String>> claimsByEncounter = observer.claims().values().stream()
                .collect(Collectors.groupingBy(ClaimTrace::encounterId, Collectors.mapping(ClaimTrace::claimId, Collectors.toList())));
        assertEquals(accepted, claimsByEncounter.keySet(), "encounters that have claims");
        claimsByEncounter.forEach((encounter, claims) -> assertEquals(1, claims.size(), () -> encounter + " has claims " + claims));
    }

    @Test
    void everyClaimWentToThePayerInExactlyOneInterchange() {
        Set<String> claims = payableClaims();
        Map<String, List<String>> committed = new TreeMap<>();
        for (SubmissionBatch b : observer.submissions()) {
            if (b.getStatus() == SubmissionStatus.SUBMITTED) {
                b.getClaimIds().forEach(c -> committed.computeIfAbsent(c, k -> new ArrayList<>()).add(b.getFileName()));
            }
        }
        assertEquals(claims, committed.keySet(), "claims in an interchange recorded SUBMITTED on rcm.claims.submissions");
        assertEquals(Map.of(), moreThanOnce(committed), "claims recorded in more than one interchange");
        Map<String, Integer> transitions = new TreeMap<>(observer.submittedTransitions());
        transitions.keySet().retainAll(claims);
        transitions.values().removeIf(n -> n == 1);
        assertEquals(Map.of(), transitions, "claims whose history on rcm.claims has more than one SUBMITTED transition");

        Map<String, List<String>> received = new TreeMap<>();
        interchanges.forEach(i -> i.claimIds().forEach(c -> received.computeIfAbsent(c, k -> new ArrayList<>()).add(i.fileName())));
        assertEquals(claims, received.keySet(), "claims in the 837 files the clearinghouse took");
        assertEquals(Map.of(), moreThanOnce(received), "claims the clearinghouse received in more than one 837 file");
        Map<Long, List<String>> filesPerControlNumber = interchanges.stream().collect(Collectors.groupingBy(
                ClearinghouseFiles.Interchange::controlNumber, TreeMap::new,
                Collectors.mapping(ClearinghouseFiles.Interchange::fileName, Collectors.toList())));
        assertEquals(Map.of(), moreThanOnce(filesPerControlNumber), "interchange control numbers used for more than one 837");
        Map<Long, Integer> answeredTwice = new TreeMap<>(answersPerInterchange);
        answeredTwice.values().removeIf(n -> n == 1);
        assertEquals(Map.of(), answeredTwice, "interchanges the clearinghouse received (and answered with a 999) more than once");
        assertEquals(List.of(), ClearinghouseFiles.interchangeRefusals(harness.clearinghouse().resolve("acks")),
                "TA1s refusing an interchange whose control number was already used for another");
    }

    @Test
    void everyClaimWasDecidedByItsPayerExactlyOnce() {
        Map<String, List<String>> decided = decisions.stream().collect(Collectors.groupingBy(ClaimDecision::claimId,
                TreeMap::new, Collectors.mapping(d -> d.file() + " CLP02 " + d.statusCode() + " paid " + d.paid()
                        + " " + d.adjustmentReasons(), Collectors.toList())));
        assertEquals(payableClaims(), decided.keySet(), "claims the payers decided on (835 CLP01)");
        assertEquals(Map.of(), moreThanOnce(decided), "claims the payers decided more than once");
    }

    @Test
    void everyClaimIsPostedExactlyOnceAsThePayerDecidedToTheCent() {
        List<PaymentPosted> payments = observer.payments();
        Map<String, List<String>> postingsPerId = payments.stream().collect(Collectors.groupingBy(PaymentPosted::getPostingId,
                TreeMap::new, Collectors.mapping(p -> p.getHeader().getEventId(), Collectors.toList())));
        assertEquals(Map.of(), moreThanOnce(postingsPerId), "postings published more than once");
        Map<String, List<String>> perClaim = payments.stream().collect(Collectors.groupingBy(PaymentPosted::getClaimId,
                TreeMap::new, Collectors.mapping(p -> p.getPostingId() + " " + p.getClaimState(), Collectors.toList())));
        assertEquals(payableClaims(), perClaim.keySet(), "claims with a posting on rcm.payments");
        assertEquals(Map.of(), moreThanOnce(perClaim), "claims posted more than once");

        Map<String, PaymentPosted> posted = payments.stream().collect(Collectors.toMap(
                p -> p.getTraceNumber() + "/" + p.getClaimId() + "/" + p.getClaimStatusCode(), p -> p, (a, b) -> a));
        assertFalse(decisions.isEmpty(), "the payers decided something");
        for (ClaimDecision d : decisions) {
            PaymentPosted p = posted.get(d.traceNumber() + "/" + d.claimId() + "/" + d.statusCode());
            assertTrue(p != null, () -> "no posting of " + d);
            assertEquals(d.charge(), p.getChargeAmount(), () -> "charge of " + d.claimId());
            assertEquals(d.paid(), p.getPaidAmount(), () -> "paid on " + d.claimId());
            assertEquals(d.patientResponsibility(), p.getPatientResponsibility().getTotal(), () -> "patient share of " + d.claimId());
            assertEquals(d.payerClaimControlNumber(), p.getPayerClaimControlNumber(), () -> "payer claim number of " + d.claimId());
        }
        assertTrue(payments.stream().anyMatch(p -> p.getPaidAmount().signum() > 0), "some claim was paid");
    }

    @Test
    void denialsAreExactlyThePayersDenialsToTheCent() {
        Map<String, List<Denial>> denials = observer.denials().stream().collect(Collectors.groupingBy(Denial::getClaimId));
        Map<String, ClaimDecision> expected = decisions.stream().filter(ClaimDecision::denial)
                .collect(Collectors.toMap(ClaimDecision::claimId, d -> d, (a, b) -> a));
        assertFalse(expected.isEmpty(), "the payers denied some claim (denial rates are raised for this test)");
        assertEquals(expected.keySet(), denials.keySet(), "claims with a denial on rcm.denials");
        expected.forEach((claim, d) -> {
            List<Denial> published = denials.get(claim);
            assertEquals(1, published.size(), () -> claim + " denied " + published.size() + " times");
            assertEquals(d.deniedAmount(), published.get(0).getDeniedAmount(), () -> "denied amount of " + claim);
        });
    }

    @Test
    void nothingWasDeadLetteredAndNoRemittanceWasRefused() {
        List<String> deadLetterTopics = List.of(Topics.CODING_DEAD_LETTERS.name(), Topics.CLAIMS_DEAD_LETTERS.name(),
                Topics.PAYMENTS_DEAD_LETTERS.name());
        Map<String, Long> deadLetters = new TreeMap<>(observer.committedRecords(deadLetterTopics));
        deadLetters.values().removeIf(n -> n == 0);
        assertEquals(Map.of(), deadLetters, "records on the dead-letter topics");
        // an 835 read again after a crash between its commit and its move to processed/ is recognised, not posted
        assertEquals(List.of(), observer.exceptions().stream()
                .filter(e -> e.getHeader().getProducer().equals("payment-posting") && e.getKind() != ExceptionKind.DUPLICATE)
                .map(e -> e.getKind() + " " + e.getClaimId() + " " + e.getSourceFile() + ": " + e.getMessage()).toList(),
                "remittance exceptions other than a recognised duplicate");
    }

    /** Kills a service without warning and starts it again at once, as a supervisor would. */
    private void crash(String service) throws IOException, InterruptedException {
        long pid = harness.service(service).pid();
        harness.kill(service);
        harness.restart(service);
        crashes.add(service + " killed (pid " + pid + ") at " + Instant.now() + ", restarted as pid " + harness.service(service).pid());
        System.out.println(crashes.get(crashes.size() - 1));
    }

    /**
     * Returns as soon as an 837 not seen before appears in the outbox (polled every few milliseconds),
     * well within the claim builder's commit interval after its hand-over.
     */
    private void awaitInterchangeHandedOver() throws IOException, InterruptedException {
        Path outbox = harness.clearinghouse().resolve("outbox");
        Set<Path> before = outboxFiles(outbox);
        long deadline = System.nanoTime() + PROGRESS_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!before.containsAll(outboxFiles(outbox))) {
                return;
            }
            Thread.sleep(2);
        }
        throw new AssertionError("no interchange handed over within " + PROGRESS_WITHIN + "; " + summary());
    }

    private static Set<Path> outboxFiles(Path outbox) throws IOException {
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> !f.getFileName().toString().startsWith(".")).collect(Collectors.toSet());
        }
    }

    private void progress(String what, Predicate<PipelineObserver> condition) throws InterruptedException {
        if (!observer.await(condition, PROGRESS_WITHIN)) {
            throw new AssertionError("no progress within " + PROGRESS_WITHIN + ": " + what + "; " + summary());
        }
    }

    private CompletableFuture<FeedReport> feed(String idPrefix, long seed, int count, double rate) {
        GeneratorSettings generator = GeneratorSettings.defaults().withSeed(seed).withIdPrefix(idPrefix)
                .withRates(0, 0).withSelfPayRate(0);
        SyntheticEhrFeed ehr = new SyntheticEhrFeed(harness.feedSettings(generator)
                .withPace(rate, count, Duration.ofMinutes(2)).withChannels(allChannels(), 3).keepingDeliveries(true));
        return CompletableFuture.supplyAsync(() -> {
            try {
                return ehr.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("feed interrupted", e);
            }
        });
    }

    private static <K, V> Map<K, List<V>> moreThanOnce(Map<K, List<V>> lists) {
        Map<K, List<V>> out = new TreeMap<>(lists);
        out.values().removeIf(list -> list.size() == 1);
        return out;
    }

    /** Claims of the encounters that should reach a payer. */
    private Set<String> payableClaims() {
        Set<String> claims = new HashSet<>();
        claimOfEncounter.forEach((encounter, claim) -> {
            if (!stoppedAtScrubber.contains(encounter)) {
                claims.add(claim);
            }
        });
        return claims;
    }



    private String summary() {
        if (observer == null) {
            return "";
        }
        Map<ClaimState, Long> states = observer.claims().values().stream()
                .collect(Collectors.groupingBy(ClaimTrace::latest, TreeMap::new, Collectors.counting()));
        return "crashes: " + crashes + "\npipeline: accepted " + (accepted == null ? "?" : accepted.size())
                + ", on rcm.encounters " + observer.received().size() + ", coded " + observer.coded().size()
                + ", claims by state " + states + ", interchanges " + observer.submissions().size() + ", payments "
                + observer.payments().size() + ", denials " + observer.denials().size() + ", exceptions "
                + observer.exceptions().size() + ", 835 claim decisions " + (decisions == null ? "?" : decisions.size())
                + ", hospital encounters stopped at the scrubber " + (stoppedAtScrubber == null ? "?" : stoppedAtScrubber.size())
                + "\ninterchanges the claim builder delivered again after its kill " + redelivered()
                + ", recognised by the clearinghouse as already received " + alreadyReceived() + "\n" + repeats();
    }

    /** File names of the interchanges the restarted claim builder delivered again from its journal, from its log. */
    private List<String> redelivered() {
        try (Stream<String> lines = Files.lines(harness.service("claim-builder").log())) {
            return lines.filter(l -> l.contains("handed over before a crash delivered again"))
                    .map(l -> l.replaceAll(".*Interchange (\\S+) handed over.*", "$1")).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of("? (" + e + ")");
        }
    }

    /** The 837 files the clearinghouse set aside as duplicates of interchanges it had already received. */
    private List<String> alreadyReceived() {
        try (Stream<Path> files = Files.list(harness.clearinghouse().resolve("simulator").resolve("duplicates"))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Evidence of anything sent to or decided by the payers more than once: the interchanges and what became of their claims. */
    private String repeats() {
        if (answersPerInterchange == null || decisions == null) {
            return "";
        }
        Map<Long, Integer> answeredTwice = new TreeMap<>(answersPerInterchange);
        answeredTwice.values().removeIf(n -> n == 1);
        Map<String, Long> decidedPerClaim = decisions.stream().collect(Collectors.groupingBy(ClaimDecision::claimId, Collectors.counting()));
        Set<String> repeated = new TreeSet<>(decidedPerClaim.keySet());
        repeated.removeIf(c -> decidedPerClaim.get(c) == 1);
        if (answeredTwice.isEmpty() && repeated.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("interchanges answered more than once (control number=999s): " + answeredTwice + "\n");
        for (String claim : repeated) {
            ClaimTrace trace = observer.claims().get(claim);
            out.append("  ").append(claim).append(": in 837s ").append(interchanges.stream()
                            .filter(i -> i.claimIds().contains(claim)).map(ClearinghouseFiles.Interchange::fileName).toList())
                    .append("; 835 decisions ").append(decisions.stream().filter(d -> d.claimId().equals(claim))
                            .map(d -> d.file() + " CLP02 " + d.statusCode() + " paid " + d.paid() + " " + d.adjustmentReasons()).toList())
                    .append("; postings ").append(observer.payments().stream().filter(p -> p.getClaimId().equals(claim))
                            .map(p -> p.getPostingId() + " " + p.getClaimState()).toList())
                    .append("; claim state ").append(trace == null ? "?" : trace.latest()).append('\n');
        }
        return out.toString();
    }

    private static Map<Channel, Integer> allChannels() {
        Map<Channel, Integer> weights = new HashMap<>();
        for (Channel c : Channel.values()) {
            weights.put(c, 1);
        }
        return weights;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(PipelineRecoveryTest.class.getResource("/" + name).toURI());
    }
}
