package io.revcycle.deploy.registry;

/**
 * A named Avro type a schema borrows from another subject's version (Confluent's
 * {@code references} entry: {@code {"name", "subject", "version"}}).
 */
record SchemaReference(String name, String subject, int version) {
}
