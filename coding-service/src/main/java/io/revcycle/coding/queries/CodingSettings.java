package io.revcycle.coding.queries;

/**
 * How boldly the service codes on its own.
 *
 * @param autoCodeThreshold confidence from which a computer-assisted suggestion is coded without asking
 * @param maxOptions        options a query offers at most
 */
public record CodingSettings(double autoCodeThreshold, int maxOptions) {

    public static final CodingSettings DEFAULT = new CodingSettings(0.8, 5);

    public CodingSettings {
        if (autoCodeThreshold < 0 || autoCodeThreshold > 1) {
            throw new IllegalArgumentException("autoCodeThreshold must be within [0, 1]");
        }
    }
}
