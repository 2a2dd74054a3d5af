package io.revcycle.ingest.publish;

/** Kafka did not acknowledge in time (or the ledger is not rebuilt yet): the sender should retry. */
public final class KafkaUnavailableException extends RuntimeException {

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
