package io.revcycle.payments.topology;

import io.revcycle.events.AdjustmentGroup;
import io.revcycle.events.Claim;
import io.revcycle.events.ClaimState;
import io.revcycle.events.Denial;
import io.revcycle.events.DenialCategory;
import io.revcycle.events.ExceptionKind;
import io.revcycle.events.PaymentPosted;
import io.revcycle.events.PostingType;
import io.revcycle.events.ProcessingException;
import io.revcycle.events.ProviderAdjustment;
import io.revcycle.events.RemittanceClaimPayment;
import io.revcycle.payments.denials.AppealDeadlines;
import io.revcycle.payments.denials.DenialCategories;
import io.revcycle.payments.era.Fixtures;
import io.revcycle.payments.intake.RemittanceEvents;
import io.revcycle.payments.intake.RemittanceReader;
import io.revcycle.payments.posting.PatientPseudonym;
import io.revcycle.payments.posting.PaymentPoster;
import io.revcycle.payments.posting.TestClaims;
import io.revcycle.payments.receivables.DepositTally;
import io.revcycle.schemas.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostingTopologyTest {

    private final RemittanceReader reader = new RemittanceReader(new RemittanceEvents(Clock.systemUTC()));
    private final PatientPseudonym pseudonym = new PatientPseudonym(TestClaims.SECRET);
    private TopologyTestDriver driver;
    private TestInputTopic<String, RemittanceClaimPayment> remittances;
    private TestInputTopic<String, ProviderAdjustment> providerAdjustments;
    private TestOutputTopic<String, PaymentPosted> payments;
    private TestOutputTopic<String, Denial> denials;
    private TestOutputTopic<String, ProcessingException> exceptions;

    @BeforeEach
    void start() {
        Map<String, String> serdeConfig = Map.of("schema.registry.url", "mock://posting-" + UUID.randomUUID());
        PostingSerdes serdes = PostingSerdes.of(serdeConfig);
        StreamsBuilder builder = new StreamsBuilder();
        PaymentPoster poster = new PaymentPoster(pseudonym, new DenialCategories(),
                new AppealDeadlines(Map.of("ACME01", 90), 60), Clock.systemUTC());
        PostingTopology.build(builder, serdes, poster);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "payment-posting-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.DEFAULT_DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class.getName());
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.PAYMENTS_DEAD_LETTERS.name());
        driver = new TopologyTestDriver(builder.build(), props);

        TestInputTopic<String, Claim> claims = driver.createInputTopic(Topics.CLAIMS.name(),
                Serdes.String().serializer(), serdes.claims().serializer());
        TestClaims.forFixtures().forEach(claim -> claims.pipeInput(claim.getClaimId(), claim));
        remittances = driver.createInputTopic(Topics.REMITTANCES.name(), Serdes.String().serializer(),
                serdes.remittances().serializer());
        providerAdjustments = driver.createInputTopic(Topics.PROVIDER_ADJUSTMENTS.name(), Serdes.String().serializer(),
                serdes.providerAdjustments().serializer());
        payments = driver.createOutputTopic(Topics.PAYMENTS.name(), Serdes.String().deserializer(),
                serdes.payments().deserializer());
        denials = driver.createOutputTopic(Topics.DENIALS.name(), Serdes.String().deserializer(),
                serdes.denials().deserializer());
        exceptions = driver.createOutputTopic(Topics.REMITTANCE_EXCEPTIONS.name(), Serdes.String().deserializer(),
                serdes.exceptions().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    /** Feeds a fixture the way intake publishes it. */
    private void receive(String fixture) {
        for (RemittanceReader.Outgoing out : reader.read(Fixtures.bytes(fixture), fixture + ".edi").records()) {
            if (out.value() instanceof RemittanceClaimPayment payment) {
                remittances.pipeInput(out.key(), payment);
            } else if (out.value() instanceof ProviderAdjustment adjustment) {
                providerAdjustments.pipeInput(out.key(), adjustment);
            }
        }
    }

    private static BigDecimal money(String value) {
        return new BigDecimal(value);
    }

    @Test
    void paidInFullWithContractualAdjustmentClosesTheClaim() {
        receive("paid-in-full-co45");

        PaymentPosted posted = payments.readValue();
        assertEquals(PostingType.PAYMENT, posted.getPostingType());
        assertEquals("C1001", posted.getClaimId());
        assertEquals("ACME01:EFT1001/C1001/1", posted.getPostingId());
        assertEquals(money("200.00"), posted.getChargeAmount());
        assertEquals(money("160.00"), posted.getPaidAmount());
        assertEquals(money("160.00"), posted.getAllowedAmount());
        assertEquals(money("40.00"), posted.getContractualAdjustment());
        assertEquals(money("0.00"), posted.getOtherAdjustment());
        assertEquals(money("0.00"), posted.getPatientResponsibility().getTotal());
        assertEquals(1, posted.getAdjustments().size(), "CO-45 of both lines summed");
        assertEquals(AdjustmentGroup.CO, posted.getAdjustments().get(0).getGroup());
        assertEquals(money("40.00"), posted.getAdjustments().get(0).getAmount());
        assertEquals(money("0.00"), posted.getBalanceAfter());
        assertEquals(ClaimState.PAID, posted.getClaimState());
        assertEquals("EFT1001", posted.getTraceNumber());
        assertEquals(LocalDate.of(2026, 11, 20), posted.getPaymentDate());
        assertEquals("E-C1001", posted.getHeader().getEncounterId());
        assertTrue(denials.isEmpty());
        assertTrue(exceptions.isEmpty());
    }

    @Test
    void patientKeyIsTheKeyedPseudonymAndNoIdentifierLeaks() {
        receive("paid-in-full-co45");

        PaymentPosted posted = payments.readValue();
        assertEquals(pseudonym.of("P-1001"), posted.getPatientKey());
        assertEquals(64, posted.getPatientKey().length());
        String everything = posted.toString();
        for (String identifier : List.of("P-1001", "Jane", "Doe", "1980-05-17", "W123456789")) {
            assertTrue(!everything.contains(identifier), identifier + " must not reach analysts");
        }
    }

    @Test
    void patientResponsibilityIsSplitToTheCent() {
        receive("deductible-coinsurance-copay-line-cas");

        PaymentPosted posted = payments.readValue();
        assertEquals(money("250.00"), posted.getPaidAmount());
        assertEquals(money("415.00"), posted.getAllowedAmount());
        assertEquals(money("85.00"), posted.getContractualAdjustment());
        assertEquals(money("100.00"), posted.getPatientResponsibility().getDeductible());
        assertEquals(money("40.00"), posted.getPatientResponsibility().getCoinsurance());
        assertEquals(money("25.00"), posted.getPatientResponsibility().getCopay());
        assertEquals(money("0.00"), posted.getPatientResponsibility().getOther());
        assertEquals(money("165.00"), posted.getPatientResponsibility().getTotal());
        assertEquals(money("0.00"), posted.getBalanceAfter());
        assertEquals(ClaimState.PAID, posted.getClaimState());
        assertEquals(List.of("MA01", "N130"), posted.getRemarkCodes());
        assertEquals(List.of("CO-45", "CO-253", "CO-59", "CO-94", "CO-131", "PR-1", "PR-2", "PR-3"),
                posted.getAdjustments().stream().map(a -> a.getGroup() + "-" + a.getReasonCode()).toList());
        assertEquals(money("80.00"), posted.getAdjustments().get(0).getAmount(), "CO-45: 45 + 20 + 15 over three lines");
    }

    @Test
    void deniedClaimIsPostedAsDeniedAndRaisesAClassifiedDenial() {
        receive("denial-with-remark-code");

        PaymentPosted posted = payments.readValue();
        assertEquals(ClaimState.DENIED, posted.getClaimState());
        assertEquals(money("0.00"), posted.getPaidAmount());
        Denial denial = denials.readValue();
        assertEquals("C1003", denial.getClaimId());
        assertEquals(DenialCategory.AUTHORIZATION, denial.getCategory());
        assertEquals(List.of("M62"), denial.getRemarkCodes());
        assertEquals(money("300.00"), denial.getDeniedAmount());
        assertEquals("197", denial.getAdjustments().get(0).getReasonCode());
        assertEquals(AdjustmentGroup.CO, denial.getAdjustments().get(0).getGroup());
        assertEquals(List.of(), denial.getLineNumbers(), "whole claim denied");
        assertEquals(LocalDate.of(2026, 11, 20), denial.getDeniedOn());
        assertEquals(LocalDate.of(2027, 2, 18), denial.getAppealDeadline(), "ACME01 allows 90 days");
        assertEquals(posted.getPatientKey(), denial.getPatientKey());
    }

    @Test
    void reversalUndoesThePostingAndTheCorrectionPostsAnew() {
        receive("paid-in-full-co45");
        PaymentPosted original = payments.readValue();

        receive("reversal-and-correction");

        PaymentPosted reversal = payments.readValue();
        assertEquals(PostingType.REVERSAL, reversal.getPostingType());
        assertEquals(money("-160.00"), reversal.getPaidAmount());
        assertEquals(money("-40.00"), reversal.getContractualAdjustment());
        assertEquals(money("-200.00"), reversal.getChargeAmount());
        assertEquals(money("-40.00"), reversal.getAdjustments().get(0).getAmount());
        assertEquals(money("200.00"), reversal.getBalanceAfter(), "the payer owes the whole claim again");
        assertEquals(original.getPatientKey(), reversal.getPatientKey());
        PaymentPosted correction = payments.readValue();
        assertEquals(PostingType.CORRECTION, correction.getPostingType());
        assertEquals(money("170.00"), correction.getPaidAmount());
        assertEquals(money("30.00"), correction.getContractualAdjustment());
        assertEquals("PCN1001B", correction.getPayerClaimControlNumber());
        assertEquals(money("0.00"), correction.getBalanceAfter());
        assertEquals(ClaimState.PAID, correction.getClaimState());
        assertTrue(exceptions.isEmpty());
    }

    @Test
    void reversalOfNothingPostedIsAnException() {
        receive("reversal-and-correction");

        ProcessingException exception = exceptions.readValue();
        assertEquals(ExceptionKind.REVERSAL_WITHOUT_POSTING, exception.getKind());
        assertEquals("C1001", exception.getClaimId());
        assertEquals("-160.00", exception.getFigures().get("paid"));
        PaymentPosted correction = payments.readValue();
        assertEquals(PostingType.PAYMENT, correction.getPostingType(), "nothing reversed: a plain payment");
        assertTrue(payments.isEmpty());
    }

    @Test
    void unknownClaimIsQueuedAsAnException() {
        receive("unknown-claim");

        assertTrue(payments.isEmpty());
        ProcessingException exception = exceptions.readValue();
        assertEquals(ExceptionKind.UNKNOWN_CLAIM, exception.getKind());
        assertEquals("C9999", exception.getClaimId());
        assertEquals("80.00", exception.getFigures().get("paid"));
        assertEquals("unknown-claim.edi", exception.getSourceFile());
        KeyValueStore<String, ProcessingException> queue = driver.getKeyValueStore(PostingStores.EXCEPTION_QUEUE);
        assertEquals(ExceptionKind.UNKNOWN_CLAIM, queue.get(exception.getExceptionId()).getKind());
    }

    @Test
    void sameEraReceivedTwiceIsPostedOnce() {
        receive("duplicate-era");
        receive("duplicate-era");

        List<PaymentPosted> posted = payments.readValuesToList();
        assertEquals(1, posted.size());
        assertEquals(money("90.00"), posted.get(0).getPaidAmount());
        ProcessingException duplicate = exceptions.readValue();
        assertEquals(ExceptionKind.DUPLICATE, duplicate.getKind());
        assertEquals("C1008", duplicate.getClaimId());
    }

    @Test
    void depositTallyAndProviderAdjustmentsReconcileEachEra() {
        receive("two-st-plb-interest-and-recoupment");

        assertEquals(2, payments.readValuesToList().size());
        KeyValueStore<String, String> deposits = driver.getKeyValueStore(PostingStores.DEPOSITS);
        DepositTally second = DepositTally.decode(deposits.get("ACME01:EFT1006"));
        assertEquals(money("215.00"), second.bprAmount());
        assertEquals(money("300.00"), second.postedPaid());
        KeyValueStore<String, String> plb = driver.getKeyValueStore(PostingStores.PROVIDER_ADJUSTMENT_TOTALS);
        assertEquals("85.00", plb.get("ACME01:EFT1006"));
        assertEquals("-5.25", plb.get("ACME01:EFT1005"));
    }

    @Test
    void lineDeniedOnAPaidClaimLeavesItPartiallyPaidAndRaisesALineDenial() {
        receive("line-denied-on-paid-claim");

        PaymentPosted posted = payments.readValue();
        assertEquals(ClaimState.PARTIALLY_PAID, posted.getClaimState());
        assertEquals(money("80.00"), posted.getPaidAmount());
        assertEquals(money("80.00"), posted.getContractualAdjustment(), "CO-45 20.00 + CO-50 60.00");
        Denial denial = denials.readValue();
        assertEquals(List.of(2), denial.getLineNumbers());
        assertEquals(DenialCategory.MEDICAL_NECESSITY, denial.getCategory());
        assertEquals(money("60.00"), denial.getDeniedAmount());
        assertEquals(List.of("N115"), denial.getRemarkCodes());
        assertTrue(exceptions.isEmpty());
    }
}
