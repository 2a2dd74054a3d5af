package io.revcycle.payments.intake;

import io.micronaut.context.annotation.Value;
import io.revcycle.schemas.serde.AvroSerdeConfig;
import io.revcycle.schemas.serde.KafkaAvroSerializer;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * Publishes everything one 835 file yields in a single Kafka transaction of its own transactional
 * producer: either every claim payment, provider adjustment and exception of the file is on the
 * topics, or none is.
 */
@Singleton
public class RemittanceIntake {

    private static final Logger LOG = LoggerFactory.getLogger(RemittanceIntake.class);

    private final Producer<String, SpecificRecord> producer;
    private final RemittanceReader reader;

    public RemittanceIntake(@Value("${kafka.bootstrap.servers}") String bootstrapServers,
                            @Value("${kafka.schema.registry.url}") String registryUrl,
                            IntakeSettings settings, RemittanceReader reader) {
        KafkaAvroSerializer values = new KafkaAvroSerializer();
        values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
        @SuppressWarnings({"unchecked", "rawtypes"})
        Serializer<SpecificRecord> valueSerializer = (Serializer) values;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId(),
                ProducerConfig.CLIENT_ID_CONFIG, settings.transactionalId()),
                new StringSerializer(), valueSerializer);
        this.producer.initTransactions();
        this.reader = reader;
    }

    /** Publishes records in one transaction (e.g. an exception marked resolved by an operator). */
    public synchronized void send(List<RemittanceReader.Outgoing> records) {
        producer.beginTransaction();
        try {
            for (RemittanceReader.Outgoing record : records) {
                producer.send(new ProducerRecord<>(record.topic().name(), record.key(), record.value()));
            }
            producer.commitTransaction();
        } catch (KafkaException e) {
            producer.abortTransaction();
            throw e;
        }
    }

    /** Closes the producer; an open transaction is aborted by the broker. */
    @PreDestroy
    public void close() {
        producer.close();
    }

    /** Reads the file without publishing: tells where it will belong (processed or failed). */
    public RemittanceReader.Reading read(byte[] content, String sourceFile) {
        return reader.read(content, sourceFile);
    }

    /**
     * Publishes a reading in one transaction and returns its report once Kafka has it.
     *
     * @throws KafkaException when the transaction could not be committed; nothing was published
     */
    public IntakeReport publish(RemittanceReader.Reading reading) {
        send(reading.records());
        IntakeReport report = reading.report();
        LOG.info("remittance {}: {} claim payments, {} provider adjustments, {} exceptions", report.sourceFile(),
                report.claims().stream().filter(IntakeReport.ClaimSummary::sentForPosting).count(),
                report.providerAdjustments(), report.exceptions().size());
        return report;
    }
}
