package io.revcycle.deploy.simulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Where the clearinghouse simulator works and how it behaves.
 *
 * @param outbox           837 files to pick up (the claim builder's outbox)
 * @param acks             where 999 and 277CA files go (the claim builder's acknowledgment inbox)
 * @param remittances      where 835 files go (payment posting's inbox)
 * @param workDir          claimed/, processed/, failed/, pending/ and the control number file
 * @param remittanceDelay  time between acknowledging a claim and its 835 (zero for benchmarks)
 * @param pollInterval     how often the outbox is looked at
 * @param seed             seed of every random decision, so runs are reproducible
 * @param clearinghouseId  ISA06 of answers to files whose envelope is unreadable
 * @param usageIndicator   ISA15 of the files written (T test, P production)
 */
public record SimulatorSettings(Path outbox, Path acks, Path remittances, Path workDir, Duration remittanceDelay,
                                Duration pollInterval, long seed, String clearinghouseId, String usageIndicator,
                                Clock clock) {

    /** The layout under one clearinghouse directory: outbox/, acks/, remittances/ and simulator/. */
    public static SimulatorSettings under(Path clearinghouseDir, Duration remittanceDelay, long seed) {
        return new SimulatorSettings(clearinghouseDir.resolve("outbox"), clearinghouseDir.resolve("acks"),
                clearinghouseDir.resolve("remittances"), clearinghouseDir.resolve("simulator"), remittanceDelay,
                Duration.ofMillis(500), seed, "CLEARINGHOUSE", "T", Clock.systemUTC());
    }

    public SimulatorSettings withClock(Clock clock) {
        return new SimulatorSettings(outbox, acks, remittances, workDir, remittanceDelay, pollInterval, seed,
                clearinghouseId, usageIndicator, clock);
    }
}
