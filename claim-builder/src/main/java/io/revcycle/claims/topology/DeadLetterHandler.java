package io.revcycle.claims.topology;

import io.revcycle.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Sends records the topology cannot read to the claims dead-letter topic, with headers naming
 * where they came from and why, and goes on (Kafka Streams' dead-letter support, KIP-1034). The
 * raw bytes go as they were; only the error message is logged, never the record (it may hold PHI).
 */
public final class DeadLetterHandler implements DeserializationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        LOG.warn("unreadable record {}-{}@{} sent to the dead-letter topic: {}", record.topic(), record.partition(),
                record.offset(), exception.toString());
        RecordHeaders headers = new RecordHeaders();
        headers.add(Topics.DeadLetterHeaders.SOURCE_TOPIC, bytes(record.topic()));
        headers.add(Topics.DeadLetterHeaders.SOURCE_PARTITION, bytes(Integer.toString(record.partition())));
        headers.add(Topics.DeadLetterHeaders.SOURCE_OFFSET, bytes(Long.toString(record.offset())));
        headers.add(Topics.DeadLetterHeaders.ERROR, bytes(exception.getClass().getName() + ": " + exception.getMessage()));
        headers.add(Topics.DeadLetterHeaders.SERVICE, bytes("claim-builder"));
        return Response.resume(List.of(new ProducerRecord<>(Topics.CLAIMS_DEAD_LETTERS.name(), null, record.key(),
                record.value(), headers)));
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure: the destination is the catalogue's claims dead-letter topic
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
