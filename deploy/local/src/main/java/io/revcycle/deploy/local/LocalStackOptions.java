package io.revcycle.deploy.local;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Command-line options of the local stack.
 *
 * @param dataDir         broker data, schemas, service state and clearinghouse folders; kept across restarts
 * @param reset           wipe what the stack keeps in {@code dataDir} before starting
 * @param demoRate        synthetic encounters per second (0 = no feed)
 * @param home            the project checkout whose service jars are started
 * @param remittanceDelay how long the simulated payers take to send an 835
 * @param seed            seed of the simulated payers' decisions
 * @param payerProfiles   properties file changing the payer profiles, or null for the defaults
 */
public record LocalStackOptions(Path dataDir, boolean reset, int demoRate, Path home, Duration remittanceDelay,
                                long seed, Path payerProfiles) {

    static final String USAGE = """
            usage: deploy/run [options]
              --data-dir DIR          where topics, schemas, service state and clearinghouse files live,
                                      kept across restarts (default ./revcycle-data)
              --reset                 start from nothing: delete what an earlier run kept in the data directory
              --demo-rate N           synthetic encounters per second (default 0, no feed)
              --remittance-delay D    time before a payer's 835 arrives, e.g. 0s, 30s, 5m (default 10s)
              --seed N                seed of the simulated payers' decisions (default 1)
              --payer-profiles FILE   properties file changing fee schedules, cost sharing and denial rates
              --home DIR              project checkout holding the built services (default: current directory)
              --help                  this text
            """;

    /** Thrown for options that cannot be used; the message says why. */
    public static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    public static LocalStackOptions parse(String[] args, Path defaultHome) throws UsageException {
        Path dataDir = Path.of("revcycle-data");
        boolean reset = false;
        int demoRate = 0;
        Path home = defaultHome;
        Duration delay = Duration.ofSeconds(10);
        long seed = 1;
        Path profiles = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, option));
                case "--reset" -> reset = true;
                case "--demo-rate" -> {
                    demoRate = integer(value(args, ++i, option), option);
                    if (demoRate < 0) {
                        throw new UsageException("--demo-rate is encounters per second, 0 or more");
                    }
                }
                case "--remittance-delay" -> delay = duration(value(args, ++i, option));
                case "--seed" -> seed = integer(value(args, ++i, option), option);
                case "--payer-profiles" -> profiles = Path.of(value(args, ++i, option));
                case "--home" -> home = Path.of(value(args, ++i, option));
                default -> throw new UsageException("unknown option " + option);
            }
        }
        return new LocalStackOptions(dataDir, reset, demoRate, home, delay, seed, profiles);
    }

    /** True when the arguments ask for the usage text. */
    public static boolean wantsHelp(String[] args) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static int integer(String value, String option) throws UsageException {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a whole number, not '" + value + "'");
        }
    }

    /** 0, 45s, 5m, 1h or an ISO-8601 duration (PT30S). */
    private static Duration duration(String value) throws UsageException {
        try {
            if (value.matches("\\d+[smh]")) {
                long amount = Long.parseLong(value.substring(0, value.length() - 1));
                return switch (value.charAt(value.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
            }
            if (value.equals("0")) {
                return Duration.ZERO;
            }
            Duration parsed = Duration.parse(value);
            if (parsed.isNegative()) {
                throw new UsageException("--remittance-delay cannot be negative");
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw new UsageException("--remittance-delay needs a duration such as 0s, 30s or 5m, not '" + value + "'");
        }
    }
}
