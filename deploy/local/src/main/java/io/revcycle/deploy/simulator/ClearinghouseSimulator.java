package io.revcycle.deploy.simulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The outside world of the claim builder: picks up 837 files from the outbox, answers each with a
 * 999 and, for the claims that pass it, a 277CA, adjudicates the accepted claims with the payer
 * profiles and, after the remittance delay, writes one 835 per 837 file.
 *
 * <p>A file is claimed by an atomic move from the outbox into {@code claimed/}, so it is processed
 * once; files left in {@code claimed/} by a crash are processed again at start. Every output is
 * written under a dot-name and renamed, so readers never see half a file. Pending 835s wait in
 * {@code pending/} (named by their due time), so they survive a restart. What the payer remembers
 * (deductibles met, adjudicated claims) is rebuilt at start from the files in {@code processed/}.
 *
 * <p>Like a real clearinghouse it detects duplicate interchanges by sender and ISA13: the same
 * interchange delivered again (a sender recovering from a crash re-sends what it cannot be sure
 * went out) is taken as already received and not answered or adjudicated again; a different
 * interchange under a control number already used is refused with a TA1 (note code 025). Both
 * go to {@code duplicates/}.
 */
public final class ClearinghouseSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClearinghouseSimulator.class);
    /** TA105: duplicate interchange control number. */
    static final String DUPLICATE_INTERCHANGE_CONTROL_NUMBER = "025";

    private final SimulatorSettings settings;
    private final PayerProfiles profiles;
    private final ClaimFileReader reader = new ClaimFileReader();
    private final AcknowledgmentWriter acknowledgments;
    private final RemittanceWriter remittanceWriter;
    private final DeductibleLedger deductibles = new DeductibleLedger();
    private final Adjudicator adjudicator = new Adjudicator(deductibles);
    private final ControlNumbers controlNumbers;
    private final Path claimed;
    private final Path processed;
    private final Path failed;
    private final Path pending;
    private final Path duplicates;
    /** Digest of each interchange received, by sender and ISA13: the duplicate interchange check. */
    private final Map<String, String> received = new HashMap<>();
    /** Latest adjudication of each claim id, for duplicates, replacements and reversals. */
    private final Map<String, ClaimAdjudication> adjudicated = new HashMap<>();
    /** Paid claims the payer will reverse and correct in its next remittance to the same payee. */
    private final Map<String, List<ClaimAdjudication>> toCorrect = new HashMap<>();
    private ScheduledExecutorService poller;

    public ClearinghouseSimulator(SimulatorSettings settings, PayerProfiles profiles) throws IOException {
        this.settings = settings;
        this.profiles = profiles;
        this.acknowledgments = new AcknowledgmentWriter(settings.usageIndicator());
        this.remittanceWriter = new RemittanceWriter(settings.usageIndicator());
        this.claimed = settings.workDir().resolve("claimed");
        this.processed = settings.workDir().resolve("processed");
        this.failed = settings.workDir().resolve("failed");
        this.pending = settings.workDir().resolve("pending");
        this.duplicates = settings.workDir().resolve("duplicates");
        for (Path dir : List.of(settings.outbox(), settings.acks(), settings.remittances(), claimed, processed, failed, pending,
                duplicates)) {
            Files.createDirectories(dir);
        }
        this.controlNumbers = new ControlNumbers(settings.workDir().resolve("control-number"));
        recall();
    }

    /** The simulator with the default payer profiles. */
    public static ClearinghouseSimulator withDefaultProfiles(SimulatorSettings settings) throws IOException {
        return new ClearinghouseSimulator(settings, PayerProfiles.defaults());
    }

    /** The simulator with the default profiles changed by a properties file (see the README). */
    public static ClearinghouseSimulator withProfiles(SimulatorSettings settings, Path profilesFile) throws IOException {
        return new ClearinghouseSimulator(settings, PayerProfiles.load(profilesFile));
    }

    /** Polls the outbox every {@code pollInterval} until closed. */
    public synchronized void start() {
        if (poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "clearinghouse-simulator");
            t.setDaemon(true);
            return t;
        });
        long every = settings.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(() -> {
            try {
                pollOnce();
            } catch (RuntimeException | IOException e) {
                LOG.warn("clearinghouse poll failed, retrying next poll: {}", e.toString());
            }
        }, 0, every, TimeUnit.MILLISECONDS);
    }

    /**
     * One round: files left claimed by an earlier run, then new outbox files, then 835s that are due.
     *
     * @return the number of 837 files processed
     */
    public synchronized int pollOnce() throws IOException {
        int count = 0;
        for (Path file : files(claimed)) {
            process(file);
            count++;
        }
        for (Path file : files(settings.outbox())) {
            Path target = claimed.resolve(file.getFileName());
            try {
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException e) {
                continue;
            }
            process(target);
            count++;
        }
        releaseDueRemittances();
        return count;
    }

    private void process(Path file) throws IOException {
        String name = file.getFileName().toString();
        try {
            byte[] x12 = Files.readAllBytes(file);
            ClaimFile claimFile = reader.read(x12);
            String key = interchangeKey(claimFile);
            String digest = digest(x12);
            String earlier = key == null ? null : received.get(key);
            if (earlier != null) {
                refuseDuplicate(claimFile, x12, name, earlier.equals(digest));
                Files.move(file, duplicates.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                return;
            }
            answer(claimFile, name);
            if (key != null) {
                received.put(key, digest);
            }
            Path done = Files.move(file, processed.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            // the day it was answered, which a restart's recall decides as of
            Files.setLastModifiedTime(done, FileTime.from(Instant.now(settings.clock())));
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            // the sender still learns the file was not taken: a 999 acknowledging nothing
            LOG.warn("could not answer {}: {}", name, e.toString());
            long ack = controlNumbers.next();
            ClaimFile unreadable = new ClaimFile("", "", "", "", "", "", "", List.of(), e.toString());
            deliver(settings.acks(), ack + "-999.x12", acknowledgments.write999(unreadable, ack,
                    LocalDateTime.now(settings.clock().withZone(ZoneOffset.UTC)), settings.clearinghouseId(), "SUBMITTER"));
            Files.move(file, failed.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * The same interchange again is already received: nothing is answered. Another one under a used
     * control number is refused as a whole with a TA1, note code 025.
     */
    private void refuseDuplicate(ClaimFile file, byte[] x12, String name, boolean identical) throws IOException {
        if (identical) {
            LOG.info("{}: interchange {} from {} already received, not answered again", name,
                    file.interchangeControlNumber(), file.senderId());
            return;
        }
        LOG.warn("{}: interchange control number {} from {} already used by another interchange, refused with a TA1",
                name, file.interchangeControlNumber(), file.senderId());
        X12Segment isa = new X12Tokenizer().read(x12).segments().get(0);
        long ta1 = controlNumbers.next();
        deliver(settings.acks(), ta1 + "-TA1.x12", acknowledgments.writeTa1(file, isa.element(9), isa.element(10),
                DUPLICATE_INTERCHANGE_CONTROL_NUMBER, ta1, LocalDateTime.now(settings.clock().withZone(ZoneOffset.UTC))));
    }

    /** Sender and ISA13, or null when the envelope could not be read. */
    private static String interchangeKey(ClaimFile file) {
        return file.senderId().isEmpty() || file.interchangeControlNumber().isEmpty() ? null
                : file.senderId() + "|" + file.interchangeControlNumber();
    }

    private static String digest(byte[] x12) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(x12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private void answer(ClaimFile file, String name) throws IOException {
        LocalDateTime now = LocalDateTime.now(settings.clock().withZone(ZoneOffset.UTC));
        long ack = controlNumbers.next();
        deliver(settings.acks(), ack + "-999.x12",
                acknowledgments.write999(file, ack, now, settings.clearinghouseId(), "SUBMITTER"));
        Decisions decisions = decide(file, now.toLocalDate());
        long accepted = decisions.statuses.stream().filter(ClaimStatus::accepted).count();
        LOG.info("{}: {} transaction sets, {} passed the 999, {} accepted by the payer", name, file.transactions().size(),
                decisions.statuses.size(), accepted);
        if (decisions.statuses.isEmpty()) {
            return;
        }
        long ca = controlNumbers.next();
        deliver(settings.acks(), ca + "-277CA.x12", acknowledgments.write277ca(file, decisions.statuses, ca, now));
        if (decisions.byPayee.isEmpty()) {
            return;
        }
        long era = controlNumbers.next();
        List<Remittance> remittances = new ArrayList<>();
        for (Map.Entry<String, List<ClaimAdjudication>> entry : decisions.byPayee.entrySet()) {
            List<ClaimAdjudication> claims = entry.getValue();
            SubmittedClaim last = claims.get(claims.size() - 1).claim();
            PayerProfile profile = profiles.forClaim(last.payerId(), last.filingIndicator());
            remittances.add(new Remittance(last.payerId(), last.payerName().isEmpty() ? profile.payerName() : last.payerName(),
                    profile.payerTaxId(), last.billingName(), last.billingNpi(), last.billingTaxId(),
                    profile.claimNumberPrefix() + "EFT" + era + "-" + (remittances.size() + 1), now.toLocalDate(), claims,
                    decisions.interest.get(entry.getKey())));
        }
        byte[] x835 = remittanceWriter.write(file.receiverId(), file.senderId(), era, now, remittances);
        String eraName = era + "-" + safe(remittances.get(0).payerId()) + "-835.x12";
        if (settings.remittanceDelay().isZero()) {
            deliver(settings.remittances(), eraName, x835);
        } else {
            long due = Instant.now(settings.clock()).plus(settings.remittanceDelay()).toEpochMilli();
            deliver(pending, due + "_" + eraName, x835);
        }
    }

    /** What the payer decides for one 837 file: 277CA statuses, and per payee the claim payments and interest. */
    private record Decisions(List<ClaimStatus> statuses, Map<String, List<ClaimAdjudication>> byPayee,
                             Map<String, List<Remittance.ProviderAdjustment>> interest) {
    }

    /** Decides on every claim of the file, updating deductibles and the memory of adjudicated claims. */
    private Decisions decide(ClaimFile file, LocalDate today) {
        List<ClaimStatus> statuses = new ArrayList<>();
        Map<String, SplittableRandom> randoms = new HashMap<>();
        for (ClaimFile.Transaction t : file.transactions()) {
            if (t.accepted()) {
                SplittableRandom random = randomFor(t.claim());
                randoms.put(t.controlNumber(), random);
                statuses.add(frontEnd(t.claim(), random));
            }
        }
        Map<String, List<ClaimAdjudication>> byPayee = new LinkedHashMap<>();
        Map<String, List<Remittance.ProviderAdjustment>> interest = new HashMap<>();
        for (ClaimStatus status : statuses) {
            if (status.accepted()) {
                SubmittedClaim claim = status.claim();
                String payee = payeeKey(claim);
                List<ClaimAdjudication> claims = byPayee.computeIfAbsent(payee, k -> new ArrayList<>(corrections(k, today)));
                adjudicate(status, today, randoms.get(claim.transactionSetControlNumber()), claims,
                        interest.computeIfAbsent(payee, k -> new ArrayList<>()));
            }
        }
        return new Decisions(statuses, byPayee, interest);
    }

    /**
     * Rebuilds the payer's memory (deductibles met, adjudicated claims, pending repricings) after a
     * restart by deciding again on the files answered before, in order, as of the day each arrived.
     * Decisions are seeded per claim, so they come out as they did; nothing is written.
     */
    private void recall() throws IOException {
        List<Path> answered = files(processed);
        for (Path file : answered) {
            LocalDate arrived = LocalDate.ofInstant(Files.getLastModifiedTime(file).toInstant(), ZoneOffset.UTC);
            byte[] x12 = Files.readAllBytes(file);
            ClaimFile claimFile = reader.read(x12);
            String key = interchangeKey(claimFile);
            if (key != null) {
                received.putIfAbsent(key, digest(x12));
            }
            decide(claimFile, arrived);
        }
        if (!answered.isEmpty()) {
            LOG.info("recalled the payer decisions of {} answered files", answered.size());
        }
    }

    /** Front-end edits that turn a syntactically good claim away in the 277CA. */
    private ClaimStatus frontEnd(SubmittedClaim claim, SplittableRandom random) {
        PayerProfile profile = profiles.forClaim(claim.payerId(), claim.filingIndicator());
        double draw = random.nextDouble();
        if (claim.totalCharge().compareTo(claim.lineChargeTotal()) != 0) {
            return ClaimStatus.rejected(claim, "A3:400");
        }
        if (!profile.memberIdPattern().matcher(claim.memberId()).matches() || draw < profile.rejectionRate()) {
            return ClaimStatus.rejected(claim, "A7:164:IL");
        }
        return ClaimStatus.accepted(claim, profile.claimNumberPrefix() + claim.interchangeControlNumber()
                + claim.transactionSetControlNumber());
    }

    private void adjudicate(ClaimStatus status, LocalDate today, SplittableRandom random, List<ClaimAdjudication> into,
                            List<Remittance.ProviderAdjustment> providerAdjustments) {
        SubmittedClaim claim = status.claim();
        PayerProfile profile = profiles.forClaim(claim.payerId(), claim.filingIndicator());
        ClaimAdjudication prior = adjudicated.get(claim.claimId());
        boolean replacement = claim.isReplacement() || "8".equals(claim.frequencyCode());
        if (replacement && prior != null) {
            // only a payment is taken back; a denied claim has nothing to reverse
            if (prior.processed()) {
                into.add(prior.reversal());
                deductibles.release(prior.deductibleKey(), prior.deductible());
            }
            adjudicated.remove(claim.claimId());
            if ("8".equals(claim.frequencyCode())) {
                return;
            }
        }
        boolean duplicate = prior != null && !replacement;
        ClaimAdjudication decision = adjudicator.adjudicate(claim, profile, status.payerClaimControlNumber(), today,
                duplicate, BigDecimal.ONE, random);
        into.add(decision);
        if (!duplicate) {
            adjudicated.put(claim.claimId(), decision);
        }
        boolean paid = decision.processed() && decision.paid().signum() > 0;
        if (paid && random.nextDouble() < profile.reversalRate()) {
            toCorrect.computeIfAbsent(payeeKey(claim), k -> new ArrayList<>()).add(decision);
        }
        if (paid && random.nextDouble() < profile.interestRate()) {
            BigDecimal interest = Money.share(decision.paid(), new BigDecimal("0.01")).max(Money.of("0.01"));
            providerAdjustments.add(new Remittance.ProviderAdjustment("L6", claim.claimId(), interest.negate()));
        }
    }

    /** Reversal and corrected payment of claims picked for repricing since the last remittance to this payee. */
    private List<ClaimAdjudication> corrections(String payee, LocalDate today) {
        List<ClaimAdjudication> out = new ArrayList<>();
        for (ClaimAdjudication original : toCorrect.getOrDefault(payee, List.of())) {
            if (adjudicated.get(original.claim().claimId()) != original) {
                continue;
            }
            SubmittedClaim claim = original.claim();
            PayerProfile profile = profiles.forClaim(claim.payerId(), claim.filingIndicator()).withRatesScaled(0);
            out.add(original.reversal());
            deductibles.release(original.deductibleKey(), original.deductible());
            ClaimAdjudication corrected = adjudicator.adjudicate(claim, profile, original.payerClaimControlNumber() + "C",
                    today, false, new BigDecimal("1.03"), randomFor(claim));
            out.add(corrected);
            adjudicated.put(claim.claimId(), corrected);
        }
        toCorrect.remove(payee);
        return out;
    }

    private void releaseDueRemittances() throws IOException {
        long now = Instant.now(settings.clock()).toEpochMilli();
        for (Path file : files(pending)) {
            String name = file.getFileName().toString();
            int separator = name.indexOf('_');
            if (separator > 0 && Long.parseLong(name.substring(0, separator)) <= now) {
                Path temp = settings.remittances().resolve("." + name.substring(separator + 1) + ".tmp");
                Files.move(file, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp, settings.remittances().resolve(name.substring(separator + 1)), StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    private SplittableRandom randomFor(SubmittedClaim claim) {
        long h = settings.seed();
        for (char c : (claim.claimId() + "|" + claim.interchangeControlNumber()).toCharArray()) {
            h = h * 31 + c;
        }
        return new SplittableRandom(h);
    }

    private static String payeeKey(SubmittedClaim claim) {
        return claim.payerId() + "|" + claim.billingNpi();
    }

    private static String safe(String value) {
        return value.replaceAll("[^A-Za-z0-9]", "_");
    }

    private static void deliver(Path dir, String name, byte[] content) throws IOException {
        Path temp = dir.resolve("." + name + ".tmp");
        Files.write(temp, content);
        Files.move(temp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<Path> files(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir,
                p -> Files.isRegularFile(p) && !p.getFileName().toString().startsWith("."))) {
            stream.forEach(files::add);
        }
        files.sort(null);
        return files;
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
            try {
                poller.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            poller = null;
        }
    }
}
