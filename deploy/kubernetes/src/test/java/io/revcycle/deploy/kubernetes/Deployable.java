package io.revcycle.deploy.kubernetes;

import java.util.List;

/**
 * One runnable the deployment ships: an image, a workload and a Service.
 *
 * @param name     image, workload and Service name
 * @param module   module folder in the repository
 * @param streams  a Kafka Streams application, whose RocksDB state needs a volume
 */
record Deployable(String name, String module, boolean streams) {

    static final List<Deployable> ALL = List.of(
            new Deployable("encounter-ingest", "encounter-ingest", false),
            new Deployable("coding-service", "coding-service", true),
            new Deployable("claim-builder", "claim-builder", true),
            new Deployable("payment-posting", "payment-posting", true),
            new Deployable("dashboard", "deploy/dashboard", false));

    static Deployable named(String name) {
        return ALL.stream().filter(r -> r.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no deployable " + name));
    }

    @Override
    public String toString() {
        return name;
    }
}
