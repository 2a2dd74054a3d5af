package io.revcycle.schemas.serde;

import org.apache.kafka.common.config.ConfigException;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serde settings under Confluent's own config keys, so that a configuration written for Confluent's
 * serializers works unchanged.
 */
public final class AvroSerdeConfig {

    /** Base URL of the registry; {@code mock://scope} for an in-memory registry in tests. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** Register the writer schema when it is not registered yet (default true). */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /** Write with the subject's latest registered schema instead of the record's own (default false). */
    public static final String USE_LATEST_VERSION = "use.latest.version";
    /** Deserialize into generated specific classes instead of generic records (default false). */
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    /** How long a subject's latest version is cached, in seconds (default 60). */
    public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";
    /** Attempts before an unreachable registry fails a call (default 5). */
    public static final String MAX_RETRIES = "schema.registry.max.attempts";

    private static final String MOCK_SCHEME = "mock://";
    private static final Map<String, SchemaRegistryClient> CLIENTS = new ConcurrentHashMap<>();

    private final SchemaRegistryClient client;
    private final boolean autoRegister;
    private final boolean useLatestVersion;
    private final boolean specificReader;

    private AvroSerdeConfig(SchemaRegistryClient client, boolean autoRegister, boolean useLatestVersion,
                            boolean specificReader) {
        this.client = client;
        this.autoRegister = autoRegister;
        this.useLatestVersion = useLatestVersion;
        this.specificReader = specificReader;
    }

    /** Reads the settings; one client is shared per registry URL within the JVM (shared cache). */
    public static AvroSerdeConfig from(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new ConfigException("Missing required configuration \"" + SCHEMA_REGISTRY_URL + "\"");
        }
        int attempts = intValue(configs.get(MAX_RETRIES), 5);
        int ttl = intValue(configs.get(LATEST_CACHE_TTL_SEC), 60);
        SchemaRegistryClient client = clientFor(url.toString().split(",")[0].trim(), attempts, ttl);
        return new AvroSerdeConfig(client,
                bool(configs.get(AUTO_REGISTER_SCHEMAS), true),
                bool(configs.get(USE_LATEST_VERSION), false),
                bool(configs.get(SPECIFIC_AVRO_READER), false));
    }

    /** Settings around a given client (tests, tools). */
    public static AvroSerdeConfig of(SchemaRegistryClient client, boolean autoRegister, boolean useLatestVersion,
                                     boolean specificReader) {
        return new AvroSerdeConfig(client, autoRegister, useLatestVersion, specificReader);
    }

    private static SchemaRegistryClient clientFor(String url, int attempts, int ttlSeconds) {
        if (url.startsWith(MOCK_SCHEME)) {
            return InMemorySchemaRegistryClient.scope(url.substring(MOCK_SCHEME.length()));
        }
        return CLIENTS.computeIfAbsent(url, u ->
                new RestSchemaRegistryClient(u, attempts, Duration.ofMillis(100), Duration.ofSeconds(ttlSeconds)));
    }

    public SchemaRegistryClient client() {
        return client;
    }

    public boolean autoRegister() {
        return autoRegister;
    }

    public boolean useLatestVersion() {
        return useLatestVersion;
    }

    public boolean specificReader() {
        return specificReader;
    }

    private static boolean bool(Object value, boolean fallback) {
        return value == null ? fallback : Boolean.parseBoolean(value.toString());
    }

    private static int intValue(Object value, int fallback) {
        return value == null ? fallback : Integer.parseInt(value.toString());
    }
}
