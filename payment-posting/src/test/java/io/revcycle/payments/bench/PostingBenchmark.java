package io.revcycle.payments.bench;

import io.revcycle.deploy.embedded.EmbeddedStack;
import io.revcycle.events.Claim;
import io.revcycle.events.RemittanceClaimPayment;
import io.revcycle.payments.denials.AppealDeadlines;
import io.revcycle.payments.denials.DenialCategories;
import io.revcycle.payments.intake.IntakeSettings;
import io.revcycle.payments.intake.RemittanceEvents;
import io.revcycle.payments.intake.RemittanceIntake;
import io.revcycle.payments.intake.RemittanceReader;
import io.revcycle.payments.posting.ClaimLedger;
import io.revcycle.payments.posting.PatientPseudonym;
import io.revcycle.payments.posting.PaymentPoster;
import io.revcycle.payments.posting.PostingOutcome;
import io.revcycle.payments.posting.TestClaims;
import io.revcycle.payments.topology.PostingSerdes;
import io.revcycle.payments.topology.PostingTopology;
import io.revcycle.schemas.Topics;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamReader;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Prints how many claim payments per second the service posts from one large generated 835
 * (default 50,000 CLPs), next to StAEDI's raw parse of the same file in the same run.
 * Posting is measured end to end on the embedded broker and registry: intake reads, balances and
 * publishes the file in one transaction; the posting topology (a real Kafka Streams application,
 * exactly_once_v2, RocksDB stores) joins, posts and commits; the clock stops when the last payment
 * is readable with read_committed.
 *
 * <p>Run: {@code mvn -pl payment-posting test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.revcycle.payments.bench.PostingBenchmark [-Dexec.args=50000]}
 */
public final class PostingBenchmark {

    private PostingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int claims = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        byte[] file = generate(claims);
        System.out.printf("generated 835: %,d CLPs, %,d bytes%n", claims, file.length);

        rawParse(file);
        long rawNanos = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            rawParse(file);
            rawNanos = Math.min(rawNanos, System.nanoTime() - start);
        }

        RemittanceReader reader = new RemittanceReader(new RemittanceEvents(Clock.systemUTC()));
        reader.read(file, "warm-up.edi");
        long readStart = System.nanoTime();
        RemittanceReader.Reading reading = reader.read(file, "bench.edi");
        long readNanos = System.nanoTime() - readStart;
        if (reading.failed()) {
            throw new IllegalStateException("generated file did not read cleanly: " + reading.report().exceptions());
        }

        long logicNanos = postingLogic(reading, claims);
        long postNanos = post(file, claims);

        double rawRate = claims / (rawNanos / 1e9);
        double readRate = claims / (readNanos / 1e9);
        double postedRate = claims / (postNanos / 1e9);
        System.out.printf("StAEDI raw parse (events only):        %,12.0f CLPs/s (%,d ms)%n", rawRate, rawNanos / 1_000_000);
        System.out.printf("intake read+balance+map:               %,12.0f CLPs/s (%,d ms)%n", readRate, readNanos / 1_000_000);
        System.out.printf("posting logic alone (no Kafka):        %,12.0f claim payments/s (%,d ms)%n",
                claims / (logicNanos / 1e9), logicNanos / 1_000_000);
        System.out.printf("posted end to end (intake + Kafka):    %,12.0f claim payments/s (%,d ms)%n", postedRate,
                postNanos / 1_000_000);
        System.out.printf("ratio raw parse / posted:              %,12.1f x%n", rawRate / postedRate);
    }

    private static long rawParse(byte[] file) throws Exception {
        long events = 0;
        try (EDIStreamReader reader = EDIInputFactory.newFactory().createEDIStreamReader(new ByteArrayInputStream(file))) {
            while (reader.hasNext()) {
                reader.next();
                events++;
            }
        }
        return events;
    }

    /** The posting decisions alone: PaymentPoster over the read claim payments, ledgers in a map. */
    private static long postingLogic(RemittanceReader.Reading reading, int claims) {
        PaymentPoster poster = new PaymentPoster(new PatientPseudonym(TestClaims.SECRET), new DenialCategories(),
                new AppealDeadlines(Map.of(), 60), Clock.systemUTC());
        Map<String, Claim> ours = new HashMap<>();
        for (int i = 0; i < claims; i++) {
            ours.put(claimId(i), TestClaims.submitted(claimId(i), "P-" + i, "125.00"));
        }
        Map<String, ClaimLedger> ledgers = new HashMap<>();
        long start = System.nanoTime();
        for (RemittanceReader.Outgoing out : reading.records()) {
            RemittanceClaimPayment payment = (RemittanceClaimPayment) out.value();
            PostingOutcome outcome = poster.post(payment, ours.get(out.key()),
                    ledgers.getOrDefault(out.key(), ClaimLedger.empty()));
            ledgers.put(out.key(), outcome.ledger());
        }
        return System.nanoTime() - start;
    }

    /**
     * Publishes the file's claim payments as intake does (one transaction) and waits until the
     * posting topology, running as a real Kafka Streams application on the embedded broker, has
     * committed one payment per claim. Returns the nanoseconds from publishing to the last payment.
     */
    private static long post(byte[] file, int claims) throws Exception {
        try (EmbeddedStack stack = EmbeddedStack.startTemporary()) {
            Map<String, Object> serdeConfig = Map.of("schema.registry.url", stack.registryUrl());
            PostingSerdes serdes = PostingSerdes.of(serdeConfig);
            try (KafkaProducer<String, Claim> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                    ProducerConfig.LINGER_MS_CONFIG, 20), new StringSerializer(), serdes.claims().serializer())) {
                for (int i = 0; i < claims; i++) {
                    String id = claimId(i);
                    producer.send(new ProducerRecord<>(Topics.CLAIMS.name(), id, TestClaims.submitted(id, "P-" + i, "125.00")));
                }
                producer.flush();
            }

            StreamsBuilder builder = new StreamsBuilder();
            PostingTopology.build(builder, serdes, new PaymentPoster(new PatientPseudonym(TestClaims.SECRET),
                    new DenialCategories(), new AppealDeadlines(Map.of(), 60), Clock.systemUTC()));
            Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, "payment-posting-bench");
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
            props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("posting-bench").toString());
            props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
            try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
                CountDownLatch running = new CountDownLatch(1);
                streams.setStateListener((now, before) -> {
                    if (now == KafkaStreams.State.RUNNING) {
                        running.countDown();
                    }
                });
                streams.start();
                running.await();

                RemittanceIntake intake = new RemittanceIntake(stack.bootstrapServers(), stack.registryUrl(),
                        new IntakeSettings(Path.of("."), "bench-intake"),
                        new RemittanceReader(new RemittanceEvents(Clock.systemUTC())));
                try (KafkaConsumer<String, byte[]> payments = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, "bench",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                        new StringDeserializer(), new ByteArrayDeserializer())) {
                    payments.subscribe(List.of(Topics.PAYMENTS.name()));
                    payments.poll(Duration.ofMillis(100));
                    long start = System.nanoTime();
                    intake.publish(intake.read(file, "bench.edi"));
                    Set<String> postedClaims = new HashSet<>();
                    int records = 0;
                    while (postedClaims.size() < claims) {
                        for (ConsumerRecord<String, byte[]> payment : payments.poll(Duration.ofMillis(500))) {
                            postedClaims.add(payment.key());
                            records++;
                        }
                    }
                    long nanos = System.nanoTime() - start;
                    records += payments.poll(Duration.ofSeconds(2)).count();
                    System.out.printf("payments read (read_committed): %,d for %,d claims%s%n", records, claims,
                            records == claims ? ", each exactly once" : " - DUPLICATES");
                    intake.close();
                    return nanos;
                }
            }
        }
    }

    private static String claimId(int i) {
        return "B" + i;
    }

    /** One ST with {@code claims} CLPs of one line each: 125.00 charged, 100.00 paid, CO-45 25.00. */
    static byte[] generate(int claims) {
        StringBuilder body = new StringBuilder();
        int segments = 0;
        body.append("ST*835*0001~");
        segments++;
        String total = String.format("%d.00", 100L * claims);
        String[] header = {
                "BPR*I*" + total + "*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20261120",
                "TRN*1*BENCH0001*1512345678", "DTM*405*20261119", "N1*PR*ACME HEALTH PLAN*XV*ACME01",
                "N1*PE*GENERAL HOSPITAL*XX*1234567893", "LX*1"};
        for (String segment : header) {
            body.append(segment).append('~');
            segments++;
        }
        for (int i = 0; i < claims; i++) {
            String id = claimId(i);
            body.append("CLP*").append(id).append("*1*125*100**12*PCN").append(i).append("*11*1~")
                    .append("SVC*HC:99213*125*100**1~")
                    .append("DTM*472*20261101~")
                    .append("CAS*CO*45*25~")
                    .append("REF*6R*").append(id).append("-1~");
            segments += 5;
        }
        segments++;
        body.append("SE*").append(segments).append("*0001~");
        String isa = "ISA*00*          *00*          *ZZ*ACMEPAYER      *ZZ*GENHOSP        *261120*1200*^*00501*000000999*0*P*:~";
        String text = isa + "GS*HP*ACMEPAYER*GENHOSP*20261120*1200*999*X*005010X221A1~" + body
                + "GE*1*999~IEA*1*000000999~";
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
