package dev.picket.outputs;

import java.time.Duration;

/**
 * How often and how patiently a failed delivery is tried again: the first retry after {@code first},
 * each next one after twice the previous wait, never more than {@code max}, at most {@code attempts}
 * deliveries in all.
 */
public record Backoff(Duration first, Duration max, int attempts) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 8);

    public Backoff {
        if (attempts < 1) throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
        if (first.isNegative() || max.compareTo(first) < 0) throw new IllegalArgumentException("need 0 <= first <= max");
    }

    /** The wait before delivery number {@code attempt + 1}, after {@code attempt} failed ones (1-based). */
    public Duration after(int attempt) {
        Duration wait = first;
        for (int i = 1; i < attempt && wait.compareTo(max) < 0; i++) wait = wait.multipliedBy(2);
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
