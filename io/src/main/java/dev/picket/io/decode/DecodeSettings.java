package dev.picket.io.decode;

import java.time.Clock;
import java.util.Objects;

/**
 * How inputs are read.
 *
 * @param format       the format every input is read as; null recognises it per input
 * @param cluster      the cluster name events of this source carry ({@code Origin.cluster}); may be null
 * @param maxLineBytes the longest line (and the largest multi-line JSON record) accepted; longer ones
 *                     are reported and skipped, so a hostile input cannot exhaust memory
 * @param clock        reference time and zone for syslog timestamps, which carry neither year nor zone
 */
public record DecodeSettings(InputFormat format, String cluster, int maxLineBytes, Clock clock) {
    public static final int DEFAULT_MAX_LINE_BYTES = 4 * 1024 * 1024;

    public DecodeSettings {
        Objects.requireNonNull(clock, "clock");
        if (maxLineBytes < 1) throw new IllegalArgumentException("maxLineBytes must be positive: " + maxLineBytes);
    }

    /** Recognise the format per input, no cluster name, 4 MiB lines, syslog years from the given clock. */
    public static DecodeSettings defaults(Clock clock) {
        return new DecodeSettings(null, null, DEFAULT_MAX_LINE_BYTES, clock);
    }

    public DecodeSettings withFormat(InputFormat f) {
        return new DecodeSettings(f, cluster, maxLineBytes, clock);
    }

    public DecodeSettings withCluster(String c) {
        return new DecodeSettings(format, c, maxLineBytes, clock);
    }

    public DecodeSettings withMaxLineBytes(int max) {
        return new DecodeSettings(format, cluster, max, clock);
    }
}
