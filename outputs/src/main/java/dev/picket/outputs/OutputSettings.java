package dev.picket.outputs;

import java.io.IOException;

/**
 * One configured output: its name (the metrics' {@code output} tag), which alerts it takes, how
 * failed deliveries are retried, how many alerts may wait for it, and how it is opened.
 */
public record OutputSettings(String name, AlertFilter filter, Backoff backoff, int queue, Opener opener) {
    public static final int DEFAULT_QUEUE = 10_000;

    /** Opens the output (connects lazily where it can, so a receiver that is down does not stop the server). */
    @FunctionalInterface
    public interface Opener {
        AlertOutput open() throws IOException;
    }

    public OutputSettings {
        if (queue < 1) throw new IllegalArgumentException("queue must be positive: " + queue);
    }

    AlertOutput open() throws IOException {
        return opener.open();
    }

    /** Names only: settings hold secrets (webhook secrets, Slack URLs) and end up in logs. */
    @Override
    public String toString() {
        return "OutputSettings[" + name + ", " + filter + "]";
    }
}
