package io.revcycle.deploy.embedded;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension giving a test JVM one embedded stack (broker + registry + catalogue topics) on
 * random free ports, started on first use and stopped when the test run ends. It sets the system
 * properties {@code kafka.bootstrap.servers} and {@code kafka.schema.registry.url}, so a Micronaut
 * context started afterwards uses the stack: declare {@code @ExtendWith(EmbeddedKafkaExtension.class)}
 * before {@code @MicronautTest}.
 */
public final class EmbeddedKafkaExtension implements BeforeAllCallback {

    /** System property naming the bootstrap servers for Micronaut's {@code kafka.*} configuration. */
    public static final String BOOTSTRAP_PROPERTY = "kafka.bootstrap.servers";
    /** System property naming the registry for the serdes configured under {@code kafka.*}. */
    public static final String REGISTRY_PROPERTY = "kafka.schema.registry.url";

    private static final Object LOCK = new Object();
    private static volatile EmbeddedStack stack;

    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store root = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        root.getOrComputeIfAbsent(EmbeddedKafkaExtension.class, k -> new StackResource(), StackResource.class);
        System.setProperty(BOOTSTRAP_PROPERTY, stack.bootstrapServers());
        System.setProperty(REGISTRY_PROPERTY, stack.registryUrl());
    }

    /** The stack of this test JVM, starting it if no test has yet. */
    public static EmbeddedStack stack() {
        synchronized (LOCK) {
            if (stack == null) {
                stack = EmbeddedStack.startTemporary();
            }
            return stack;
        }
    }

    private static final class StackResource implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        StackResource() {
            stack();
        }

        @Override
        public void close() {
            synchronized (LOCK) {
                if (stack != null) {
                    stack.close();
                    stack = null;
                }
            }
        }
    }
}
