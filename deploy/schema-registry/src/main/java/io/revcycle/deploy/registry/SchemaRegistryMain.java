package io.revcycle.deploy.registry;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the registry on its own: {@code --bootstrap-servers localhost:9092 --port 8085}, plus
 * {@code --host} (default {@code localhost}; {@code 0.0.0.0} to serve other machines),
 * {@code --topic} (default {@code _schemas}) and {@code --replication-factor} (default 1).
 * Stops cleanly on Ctrl-C.
 */
public final class SchemaRegistryMain {

    private SchemaRegistryMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        quietKafkaLogging();
        SchemaRegistrySettings settings;
        try {
            settings = settings(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: SchemaRegistryMain [--bootstrap-servers localhost:9092] [--port 8085]"
                    + " [--host localhost] [--topic _schemas] [--replication-factor 1]");
            System.exit(2);
            return;
        }
        SchemaRegistryServer server;
        try {
            server = SchemaRegistryServer.start(settings);
        } catch (RuntimeException e) {
            System.err.println("Schema registry did not start: " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "schema-registry-shutdown"));
        System.out.println("Schema registry: " + server.url() + " (schemas in topic " + settings.topic()
                + " on " + settings.bootstrapServers() + "); Ctrl-C to stop");
        stopped.await();
    }

    /** Kafka's clients log every connection at INFO; the standalone logger keeps them at WARN. */
    private static void quietKafkaLogging() {
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    }

    static SchemaRegistrySettings settings(String[] args) {
        String bootstrap = "localhost:9092";
        String host = "localhost";
        int port = SchemaRegistrySettings.DEFAULT_PORT;
        String topic = SchemaRegistrySettings.DEFAULT_TOPIC;
        short replication = 1;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + name);
            }
            String value = args[++i];
            try {
                switch (name) {
                    case "--bootstrap-servers" -> bootstrap = value;
                    case "--host" -> host = value;
                    case "--port" -> port = Integer.parseInt(value);
                    case "--topic" -> topic = value;
                    case "--replication-factor" -> replication = Short.parseShort(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number for " + name + ": " + value);
            }
        }
        return new SchemaRegistrySettings(bootstrap, host, port, topic, replication,
                SchemaRegistrySettings.DEFAULT_KAFKA_TIMEOUT);
    }
}
