package io.revcycle.deploy.registry;

/** One version of one subject, as kept in the {@code _schemas} topic. */
record StoredSchema(String subject, int version, int id, SchemaDefinition definition, boolean deleted) {

    StoredSchema softDeleted() {
        return new StoredSchema(subject, version, id, definition, true);
    }
}
