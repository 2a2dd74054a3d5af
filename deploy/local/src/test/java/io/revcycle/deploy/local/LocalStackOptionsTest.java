package io.revcycle.deploy.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local stack's command line: defaults, every option, and clear refusals. */
class LocalStackOptionsTest {

    private static final Path HOME = Path.of("/opt/revcycle");

    @Test
    void withoutOptionsTheStackKeepsItsDataInRevcycleDataWithoutAFeed() throws Exception {
        LocalStackOptions options = LocalStackOptions.parse(new String[0], HOME);

        assertEquals(Path.of("revcycle-data"), options.dataDir());
        assertFalse(options.reset());
        assertEquals(0, options.demoRate());
        assertEquals(HOME, options.home());
        assertEquals(Duration.ofSeconds(10), options.remittanceDelay());
        assertNull(options.payerProfiles());
    }

    @Test
    void everyOptionIsRead() throws Exception {
        LocalStackOptions options = LocalStackOptions.parse(new String[] {"--data-dir", "/srv/revcycle-data", "--reset", "--demo-rate", "50",
                "--remittance-delay", "0s", "--seed", "99", "--payer-profiles", "payers.properties", "--home", "/src/rc"}, HOME);

        assertEquals(Path.of("/srv/revcycle-data"), options.dataDir());
        assertTrue(options.reset());
        assertEquals(50, options.demoRate());
        assertEquals(Duration.ZERO, options.remittanceDelay());
        assertEquals(99, options.seed());
        assertEquals(Path.of("payers.properties"), options.payerProfiles());
        assertEquals(Path.of("/src/rc"), options.home());
    }

    @Test
    void delaysAreWrittenInSecondsMinutesHoursOrIso() throws Exception {
        assertEquals(Duration.ofMinutes(5), delay("5m"));
        assertEquals(Duration.ofHours(1), delay("1h"));
        assertEquals(Duration.ofSeconds(90), delay("PT90S"));
        assertEquals(Duration.ZERO, delay("0"));
    }

    @Test
    void unusableOptionsAreRefusedWithTheReason() {
        assertEquals("unknown option --port", refused("--port", "1").getMessage());
        assertEquals("--data-dir needs a value", refused("--data-dir").getMessage());
        assertEquals("--demo-rate needs a whole number, not 'fast'", refused("--demo-rate", "fast").getMessage());
        assertEquals("--demo-rate is encounters per second, 0 or more", refused("--demo-rate", "-3").getMessage());
        assertTrue(refused("--remittance-delay", "soon").getMessage().contains("0s, 30s or 5m"));
        assertEquals("--data-dir needs a value", refused("--data-dir", "--reset").getMessage());
    }

    @Test
    void helpIsRecognisedAnywhereOnTheLine() {
        assertTrue(LocalStackOptions.wantsHelp(new String[] {"--reset", "--help"}));
        assertTrue(LocalStackOptions.wantsHelp(new String[] {"-h"}));
        assertFalse(LocalStackOptions.wantsHelp(new String[] {"--reset"}));
        assertTrue(LocalStackOptions.USAGE.contains("--demo-rate N"));
    }

    private static Duration delay(String value) throws Exception {
        return LocalStackOptions.parse(new String[] {"--remittance-delay", value}, HOME).remittanceDelay();
    }

    private static LocalStackOptions.UsageException refused(String... args) {
        return assertThrows(LocalStackOptions.UsageException.class, () -> LocalStackOptions.parse(args, HOME));
    }
}
