package io.revcycle.schemas.serde;

/** The schema registry could not be reached or refused a request; the message names URL and subject. */
public class SchemaRegistryException extends RuntimeException {

    private final int errorCode;

    public SchemaRegistryException(String message, int errorCode, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, int errorCode) {
        this(message, errorCode, null);
    }

    /** Confluent error code (e.g. 40401, 40403, 409), or -1 when the registry was unreachable. */
    public int errorCode() {
        return errorCode;
    }
}
