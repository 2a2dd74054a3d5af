package io.revcycle.coding.topology;

import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import io.micronaut.context.annotation.Factory;
import io.revcycle.coding.queries.EncounterCoder;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.kstream.KStream;

import java.util.HashMap;
import java.util.Map;

/** Builds the coding topology on micronaut-kafka-streams' "default" stream. */
@Factory
class CodingTopologyFactory {

    @Singleton
    @Named("coding")
    KStream<String, ?> codingStream(@Named("default") ConfiguredStreamBuilder builder, EncounterCoder coder,
                                    CodingMetrics metrics) {
        Map<String, Object> config = new HashMap<>();
        builder.getConfiguration().forEach((k, v) -> config.put(k.toString(), v));
        config.putIfAbsent("specific.avro.reader", true);
        return new CodingTopology(coder, CodingSerdes.of(config), metrics).build(builder);
    }
}
