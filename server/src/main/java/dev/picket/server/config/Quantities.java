package dev.picket.server.config;

import java.time.Duration;
import java.util.Locale;

/** Reads the durations ({@code 90s}, {@code 30m}, {@code 1h}, {@code 30d}) and sizes ({@code 16MiB}) of the config file. */
public final class Quantities {
    private Quantities() {
    }

    public static Duration duration(String field, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int unitAt = unitStart(t);
        long n = number(field, text, t.substring(0, unitAt));
        return switch (t.substring(unitAt)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> throw new ConfigException(field + ": '" + text + "' is not a duration (like 90s, 30m, 1h, 30d)");
        };
    }

    static long bytes(String field, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int unitAt = unitStart(t);
        long n = number(field, text, t.substring(0, unitAt));
        long unit = switch (t.substring(unitAt)) {
            case "", "b" -> 1;
            case "kib", "k" -> 1L << 10;
            case "mib", "m" -> 1L << 20;
            case "gib", "g" -> 1L << 30;
            default -> throw new ConfigException(field + ": '" + text + "' is not a size (like 512KiB, 16MiB, 1GiB)");
        };
        return Math.multiplyExact(n, unit);
    }

    private static int unitStart(String t) {
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) i++;
        return i;
    }

    private static long number(String field, String original, String digits) {
        if (digits.isEmpty()) throw new ConfigException(field + ": '" + original + "' does not start with a number");
        long n = Long.parseLong(digits);
        if (n <= 0) throw new ConfigException(field + ": '" + original + "' must be more than zero");
        return n;
    }
}
