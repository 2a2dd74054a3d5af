package io.revcycle.schemas.serde;

import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry API the serde needs. Implementations cache: once warm,
 * no call reaches the network.
 */
public interface SchemaRegistryClient {

    /** Registers the schema under the subject (or finds it registered) and returns its global id. */
    int register(String subject, Schema schema);

    /** Returns the id of a schema already registered under the subject, without registering it. */
    int idOf(String subject, Schema schema);

    /** The schema with this global id. */
    Schema schemaById(int id);

    /** The latest version registered under the subject. */
    RegisteredSchema latest(String subject);

    /** A schema as registered: id, subject version and the schema. */
    record RegisteredSchema(int id, int version, Schema schema) {
    }
}
