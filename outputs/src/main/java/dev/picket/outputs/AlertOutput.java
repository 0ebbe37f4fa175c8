package dev.picket.outputs;

import dev.picket.engine.alert.Alert;

import java.io.IOException;

/**
 * One place alerts are sent. {@link #deliver} is called from the output's own worker thread only,
 * one alert at a time, and may block; it throws when the alert did not arrive, and is then called
 * again for the same alert after a backoff.
 */
public interface AlertOutput extends AutoCloseable {
    void deliver(Alert alert) throws IOException;

    @Override
    default void close() throws IOException {
    }
}
