package dev.picket.store;

import dev.picket.engine.rule.Severity;

import java.time.Instant;

/**
 * Which alerts to list. Every filter is optional (null): {@code minSeverity} keeps that level and
 * above; {@code technique} also matches its sub-techniques ({@code T1611} matches {@code T1611.001});
 * {@code from} is inclusive and {@code to} exclusive; {@code status} is the status of the alert's
 * group. {@code suppressed} true lists only alerts a suppression filter marked, false only the
 * others, null both. {@code grouped} lists each alert once with its repeats counted ({@code count},
 * {@code lastTime}) instead of every raw alert. {@code cursor} continues a previous page.
 */
public record AlertQuery(Severity minSeverity, String namespace, String rule, String technique,
                         Instant from, Instant to, Status status, Boolean suppressed, boolean grouped, int limit,
                         String cursor) {
    public static final int MAX_LIMIT = 1000;

    public AlertQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    /** Any status, suppressed or not. */
    public AlertQuery(Severity minSeverity, String namespace, String rule, String technique,
                      Instant from, Instant to, boolean grouped, int limit, String cursor) {
        this(minSeverity, namespace, rule, technique, from, to, null, null, grouped, limit, cursor);
    }

    public static AlertQuery latest(int limit) {
        return new AlertQuery(null, null, null, null, null, null, false, limit, null);
    }

    public AlertQuery groupingRepeats() {
        return new AlertQuery(minSeverity, namespace, rule, technique, from, to, status, suppressed, true, limit, cursor);
    }

    public AlertQuery after(String nextCursor) {
        return new AlertQuery(minSeverity, namespace, rule, technique, from, to, status, suppressed, grouped, limit, nextCursor);
    }
}
