package io.revcycle.deploy.dashboard.bench;

import io.revcycle.deploy.dashboard.PipelineEvents;
import io.revcycle.deploy.dashboard.kpi.RevenueCycleLedger;
import io.revcycle.events.AcknowledgmentKind;
import io.revcycle.events.AcknowledgmentResult;
import io.revcycle.events.Claim;
import io.revcycle.events.ClaimState;
import io.revcycle.events.Denial;
import io.revcycle.events.DenialCategory;
import io.revcycle.events.PaymentPosted;
import io.revcycle.events.PostingType;
import io.revcycle.schemas.Topics;
import io.revcycle.schemas.serde.AvroSerdeConfig;
import io.revcycle.schemas.serde.KafkaAvroDeserializer;
import io.revcycle.schemas.serde.KafkaAvroSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard costs at the size of the end-to-end benchmark: how many events per second the
 * ledger takes, how many claim records per second the Avro decoding of the feed reads, and how long
 * one {@code /api/summary} computation takes once the ledger holds N encounters' worth of events.
 * Run: {@code mvn -pl deploy/dashboard test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.revcycle.deploy.dashboard.bench.LedgerBenchmark [-Dexec.args=100000]}.
 */
public final class LedgerBenchmark {

    private LedgerBenchmark() {
    }

    public static void main(String[] args) {
        int encounters = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        PipelineEvents events = new PipelineEvents();
        Instant now = Instant.now();
        String[] payers = {"MEDICARE", "ACME", "MEDICAID", "BLUE"};
        ClaimState[][] paths = {
                {ClaimState.CREATED, ClaimState.READY},
                {ClaimState.CREATED, ClaimState.READY, ClaimState.SUBMITTED},
                {ClaimState.CREATED, ClaimState.READY, ClaimState.SUBMITTED, ClaimState.ACCEPTED},
                {ClaimState.CREATED, ClaimState.READY, ClaimState.SUBMITTED, ClaimState.ACCEPTED, ClaimState.PAID}};

        // One template per event kind, re-keyed per encounter: the ledger keeps ids and figures, not the records
        // (denials excepted, which are copied).
        var encounter = events.encounter("E");
        var coded = events.coded("E");
        var ack = events.ack("C", AcknowledgmentKind.CLAIM_277CA, AcknowledgmentResult.ACCEPTED, now);
        PaymentPosted payment = events.payment("C", "P", PostingType.PAYMENT, "100.00", now);
        Denial denial = events.denial("D", "C", "P", DenialCategory.AUTHORIZATION, "80.00", now);
        List<Claim> claimRecords = new ArrayList<>();
        for (int i = 0; i < paths.length; i++) {
            claimRecords.add(events.claim("C", "P", "100.00", now.minus(Duration.ofDays(40)), paths[i]));
        }

        RevenueCycleLedger ledger = new RevenueCycleLedger(Duration.ofDays(30));
        long applied = 0;
        long start = System.nanoTime();
        for (int n = 0; n < encounters; n++) {
            String encounterId = "E" + n;
            String claimId = "C" + n;
            String payer = payers[n % payers.length];
            encounter.setEncounterId(encounterId);
            ledger.apply(Topics.ENCOUNTERS.name(), encounter);
            coded.setEncounterId(encounterId);
            ledger.apply(Topics.ENCOUNTERS_CODED.name(), coded);
            applied += 2;
            for (Claim record : claimRecords) {
                record.setClaimId(claimId);
                record.getCoverage().setPayerId(payer);
                ledger.apply(Topics.CLAIMS.name(), record);
                applied++;
            }
            ack.setClaimId(claimId);
            ledger.apply(Topics.CLAIM_ACKS.name(), ack);
            applied++;
            if (n % 10 == 0) {
                ledger.apply(Topics.DENIALS.name(), Denial.newBuilder(denial)
                        .setDenialId("D" + n).setClaimId(claimId).setPayerId(payer).build());
            } else {
                payment.setClaimId(claimId);
                payment.setPayerId(payer);
                ledger.apply(Topics.PAYMENTS.name(), payment);
            }
            applied++;
        }
        double applySeconds = (System.nanoTime() - start) / 1e9;

        long[] reportMillis = new long[11];
        for (int i = 0; i < reportMillis.length; i++) {
            long t = System.nanoTime();
            ledger.report(Instant.now());
            reportMillis[i] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(reportMillis);

        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://ledger-bench",
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        serializer.configure(config, false);
        deserializer.configure(config, false);
        byte[] claimBytes = serializer.serialize(Topics.CLAIMS.name(), claimRecords.get(3));
        int decodes = 200_000;
        long decodeStart = System.nanoTime();
        for (int i = 0; i < decodes; i++) {
            deserializer.deserialize(Topics.CLAIMS.name(), claimBytes);
        }
        double decodeSeconds = (System.nanoTime() - decodeStart) / 1e9;

        System.out.printf("encounters                 %,d (%,d events)%n", encounters, applied);
        System.out.printf("ledger apply               %,.0f events/s%n", applied / applySeconds);
        System.out.printf("summary computation        median %d ms, max %d ms%n", reportMillis[5], reportMillis[10]);
        System.out.printf("claim record decode        %,.0f records/s (%d bytes each)%n", decodes / decodeSeconds, claimBytes.length);
        System.out.printf("heap used                  %,d MiB%n",
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    }
}
