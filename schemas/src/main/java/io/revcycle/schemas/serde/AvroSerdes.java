package io.revcycle.schemas.serde;

import io.revcycle.schemas.Topic;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

import java.util.Map;

/** Serdes for the catalogue's topics. */
public final class AvroSerdes {

    private AvroSerdes() {
    }

    /**
     * A configured value serde for a topic of the catalogue.
     *
     * @param config at least {@code schema.registry.url}
     */
    public static <V extends SpecificRecord> Serde<V> of(Topic<String, V> topic, Map<String, ?> config) {
        SpecificAvroSerde<V> serde = new SpecificAvroSerde<>(topic.valueType());
        serde.configure(config, false);
        return serde;
    }
}
