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
import io.revcycle.events.PaymentPosted;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole revenue cycle, as deployed: encounters sent by the synthetic EHR over JSON, JSON batch,
 * FHIR R4 and HL7 v2 (HTTP and MLLP) to the real ingest service, coded, turned into claims, written
 * as 837s, answered by the payer simulator (999, 277CA, 835 with no delay), and posted. What comes out
 * on {@code rcm.payments} and {@code rcm.denials} must be exactly what the payers decided in their
 * 835s, to the cent: nothing lost, nothing posted twice.
 *
 * <p>The four services run as child processes from the jars their modules' {@code package} phase
 * builds; their output is in {@code target/e2e-<time>/logs/}, and its tail is printed when a test fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineEndToEndTest {

    private static final int ENCOUNTERS = 30;
    private static final long FEED_SEED = 7;
    private static final long PAYER_SEED = 11;
    private static final Duration SETTLE_WITHIN = Duration.ofSeconds(150);

    private PipelineHarness harness;
    private PipelineObserver observer;
    private FeedReport feed;
    private Set<String> accepted;
    private Set<String> knownGap;
    private Set<String> stoppedAtScrubber;
    private Map<String, String> claimOfEncounter;
    private List<ClaimDecision> decisions;

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
    void runThePipeline() throws Exception {
        List<Path> missing = PipelineHarness.missingJars();
        assumeTrue(missing.isEmpty(), () -> "the services' jars are not built: " + missing
                + "; run `mvn -B verify` from the project root (or `mvn -B package -DskipTests` first)");
        Path workDir = Files.createDirectories(Path.of("target", "e2e-" + System.currentTimeMillis()).toAbsolutePath());
        harness = PipelineHarness.start(workDir, resource("payers-without-rejections-or-reversals.properties"), PAYER_SEED,
                Duration.ofSeconds(120));
        observer = harness.observe();

        GeneratorSettings generator = GeneratorSettings.defaults().withSeed(FEED_SEED).withIdPrefix("E2E")
                .withRates(0, 0).withSelfPayRate(0);
        SyntheticEhrFeed ehr = new SyntheticEhrFeed(harness.feedSettings(generator)
                .withPace(20, ENCOUNTERS, Duration.ofMinutes(2)).withChannels(allChannels(), 3).keepingDeliveries(true));
        feed = ehr.run();
        accepted = feed.deliveries().stream().filter(d -> d.outcome() == Outcome.ACCEPTED)
                .map(d -> d.encounter().encounterId()).collect(Collectors.toSet());
        knownGap = feed.deliveries().stream().filter(PipelineHarness::hospitalClaimWithoutRevenueCodes)
                .map(d -> d.encounter().encounterId()).collect(Collectors.toSet());

        observer.await(o -> o.settled(accepted), SETTLE_WITHIN);
        // a second look after everything settled: anything published twice would have arrived by now
        Thread.sleep(2_000);
        claimOfEncounter = new HashMap<>();
        observer.claims().values().forEach(c -> claimOfEncounter.put(c.encounterId(), c.claimId()));
        stoppedAtScrubber = observer.claims().values().stream()
                .filter(c -> knownGap.contains(c.encounterId()) && c.latest() == ClaimState.SCRUB_FAILED)
                .map(ClaimTrace::encounterId).collect(Collectors.toSet());
        decisions = PayerDecisions.readAll(harness.remittanceDirectories());
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
    void everyEncounterIsAcceptedOverEveryFormatAndTransport() {
        assertEquals(ENCOUNTERS, feed.sent(), "encounters sent");
        List<Delivery> notAccepted = feed.deliveries().stream().filter(d -> d.outcome() != Outcome.ACCEPTED).toList();
        assertTrue(notAccepted.isEmpty(), () -> "refused or failed: " + notAccepted.stream()
                .map(d -> d.encounter().encounterId() + " " + d.channel() + " " + d.outcome() + " " + d.detail()).toList());
        Set<Channel> used = feed.deliveries().stream().map(Delivery::channel).collect(Collectors.toCollection(() -> EnumSet.noneOf(Channel.class)));
        assertEquals(EnumSet.allOf(Channel.class), used, "channels that carried encounters");
        assertEquals(accepted, observer.received().keySet(), "encounters on rcm.encounters");
    }

    @Test
    void everyAcceptedEncounterBecomesExactlyOneSubmittedClaim() {
        Map<String, List<ClaimTrace>> byEncounter = observer.claims().values().stream()
                .collect(Collectors.groupingBy(ClaimTrace::encounterId));
        Map<String, Object> withoutClaim = new TreeMap<>();
        for (String encounter : accepted) {
            if (!byEncounter.containsKey(encounter)) {
                withoutClaim.put(encounter, observer.queries().containsKey(encounter) ? "coding query "
                        + observer.queries().get(encounter).get(0).getReason() : observer.coded().containsKey(encounter)
                        ? "coded, no claim" : "not coded");
            }
        }
        assertTrue(withoutClaim.isEmpty(), () -> "accepted encounters without a claim: " + withoutClaim);
        assertEquals(accepted, byEncounter.keySet(), "encounters that have claims");
        byEncounter.forEach((encounter, claims) -> assertEquals(1, claims.size(), () -> encounter + " has claims " + claims));
        Map<String, String> notSubmitted = new TreeMap<>();
        observer.claims().values().stream().filter(c -> c.submittedAt() == null && !stoppedAtScrubber.contains(c.encounterId()))
                .forEach(c -> notSubmitted.put(c.claimId() + " (" + c.encounterId() + ")", c.latest() + " " + c.findings()));
        assertTrue(notSubmitted.isEmpty(), () -> "claims never submitted: " + notSubmitted);
    }

    @Test
    void hospitalEncountersSentAsFhirOrHl7ThatStopAtTheScrubberLackOnlyHospitalData() {
        assertTrue(knownGap.containsAll(stoppedAtScrubber), "only hospital encounters sent as FHIR or HL7 may stop at the scrubber");
        for (String encounter : stoppedAtScrubber) {
            ClaimTrace claim = observer.claims().values().stream().filter(c -> c.encounterId().equals(encounter))
                    .findFirst().orElseThrow(() -> new AssertionError(encounter + " has no claim"));
            assertNull(claim.submittedAt(), () -> encounter + " was sent to the payer");
            assertTrue(claim.findings().stream().allMatch(f -> f.startsWith("ERROR REQUIRED ")
                            && (f.contains("revenueCode") || f.contains("admissionType") || f.contains("dischargeStatus"))),
                    () -> encounter + " failed the scrubber for another reason: " + claim.findings());
        }
    }

    @Test
    void everyClaimHasExactlyOnePayerDecisionAndExactlyOnePosting() {
        Set<String> claims = payableClaims();
        Map<String, List<ClaimDecision>> decided = decisions.stream().collect(Collectors.groupingBy(ClaimDecision::claimId));
        assertEquals(claims, decided.keySet(), "claims the payers decided on (835 CLP01)");
        decided.forEach((claim, list) -> assertEquals(1, list.size(), () -> claim + " decided " + list));

        List<PaymentPosted> payments = observer.payments();
        Map<String, Long> postingsPerId = payments.stream()
                .collect(Collectors.groupingBy(p -> p.getPostingId(), Collectors.counting()));
        Map<String, Long> twice = new TreeMap<>(postingsPerId);
        twice.values().removeIf(n -> n == 1);
        assertTrue(twice.isEmpty(), () -> "postings published more than once: " + twice);
        assertEquals(payments.size(), payments.stream().map(p -> p.getHeader().getEventId()).distinct().count(),
                "distinct posting event ids");
        Map<String, Long> perClaim = payments.stream().collect(Collectors.groupingBy(PaymentPosted::getClaimId, Collectors.counting()));
        assertEquals(claims, perClaim.keySet(), "claims with a posting on rcm.payments");
        perClaim.forEach((claim, n) -> assertEquals(1L, n, () -> claim + " posted " + n + " times"));
    }

    @Test
    void claimBuilderMovesEveryPostedClaimToThePostedStateThroughSubmittedAndAccepted() throws InterruptedException {
        // claim-builder follows the postings on rcm.payments; give its last transitions a moment to commit
        observer.await(o -> claimStatesBehindPostings(o).isEmpty(), Duration.ofSeconds(30));
        assertEquals(Map.of(), claimStatesBehindPostings(observer), "claims whose state on rcm.claims is not their last posting's");
        for (PaymentPosted p : observer.payments()) {
            ClaimTrace claim = observer.claims().get(p.getClaimId());
            assertTrue(claim.states().containsAll(EnumSet.of(ClaimState.SUBMITTED, ClaimState.ACCEPTED)),
                    () -> p.getClaimId() + " was posted without passing SUBMITTED and ACCEPTED: " + claim.states());
        }
    }

    private static Map<String, String> claimStatesBehindPostings(PipelineObserver o) {
        Map<String, PaymentPosted> last = new HashMap<>();
        o.payments().forEach(p -> last.put(p.getClaimId(), p));
        Map<String, String> behind = new TreeMap<>();
        last.forEach((claimId, p) -> {
            ClaimTrace claim = o.claims().get(claimId);
            if (claim == null || claim.latest() != p.getClaimState()) {
                behind.put(claimId, (claim == null ? "no claim" : claim.latest()) + " vs posted " + p.getClaimState());
            }
        });
        return behind;
    }

    @Test
    void postedAmountsAreWhatThePayersDecidedToTheCent() {
        Map<String, PaymentPosted> posted = observer.payments().stream()
                .collect(Collectors.toMap(p -> key(p.getTraceNumber(), p.getClaimId(), p.getClaimStatusCode()), Function.identity(), (a, b) -> a));
        assertFalse(decisions.isEmpty(), "the payers decided something");
        for (ClaimDecision d : decisions) {
            PaymentPosted p = posted.get(key(d.traceNumber(), d.claimId(), d.statusCode()));
            assertNotNull(p, () -> "no posting of " + d);
            assertEquals(d.charge(), p.getChargeAmount(), () -> "charge of " + d.claimId());
            assertEquals(d.paid(), p.getPaidAmount(), () -> "paid on " + d.claimId());
            assertEquals(d.patientResponsibility(), p.getPatientResponsibility().getTotal(), () -> "patient share of " + d.claimId());
            assertEquals(d.payerClaimControlNumber(), p.getPayerClaimControlNumber(), () -> "payer claim number of " + d.claimId());
            if (d.wholeClaimDenied()) {
                assertEquals(ClaimState.DENIED, p.getClaimState(), () -> "state after the denial of " + d.claimId());
            } else {
                assertTrue(d.paid().signum() == 0 || p.getClaimState() != ClaimState.DENIED, () -> d.claimId() + " paid but posted DENIED");
            }
        }
        assertTrue(decisions.stream().anyMatch(d -> d.paid().signum() > 0), "some claim was paid");
    }

    @Test
    void denialsAreExactlyThePayersDenialsToTheCent() {
        Map<String, List<Denial>> denials = observer.denials().stream()
                .collect(Collectors.groupingBy(d -> d.getClaimId()));
        Map<String, ClaimDecision> expected = decisions.stream().filter(ClaimDecision::denial)
                .collect(Collectors.toMap(ClaimDecision::claimId, Function.identity()));
        assertFalse(expected.isEmpty(), "the payers denied some claim (denial rates are raised for this test)");
        assertEquals(expected.keySet(), denials.keySet(), "claims with a denial on rcm.denials");
        expected.forEach((claim, d) -> {
            List<Denial> list = denials.get(claim);
            assertEquals(1, list.size(), () -> claim + " denied " + list.size() + " times");
            Denial denial = list.get(0);
            assertEquals(d.deniedAmount(), denial.getDeniedAmount(), () -> "denied amount of " + claim);
            assertEquals(d.wholeClaimDenied(), denial.getLineNumbers().isEmpty(), () -> "whole claim or lines denied: " + claim);
            assertEquals(d.payerClaimControlNumber(), denial.getPayerClaimControlNumber(), () -> "payer claim number of " + claim);
        });
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
        return "pipeline: accepted " + (accepted == null ? "?" : accepted.size()) + ", on rcm.encounters "
                + observer.received().size() + ", coded " + observer.coded().size() + ", coding queries "
                + observer.queries().size() + ", claims by state " + states + ", payments " + observer.payments().size()
                + ", denials " + observer.denials().size() + ", 835 claim decisions "
                + (decisions == null ? "?" : decisions.size()) + ", hospital encounters stopped at the scrubber "
                + (stoppedAtScrubber == null ? "?" : stoppedAtScrubber.size()) + "\n";
    }

    private static String key(String trace, String claimId, String status) {
        return trace + "/" + claimId + "/" + status;
    }

    private static Map<Channel, Integer> allChannels() {
        Map<Channel, Integer> weights = new HashMap<>();
        for (Channel c : Channel.values()) {
            weights.put(c, 1);
        }
        return weights;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(PipelineEndToEndTest.class.getResource("/" + name).toURI());
    }
}
