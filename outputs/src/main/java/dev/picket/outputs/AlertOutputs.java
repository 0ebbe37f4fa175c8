package dev.picket.outputs;

import dev.picket.engine.alert.Alert;
import io.micrometer.core.instrument.MeterRegistry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Every configured output, each behind its own worker; {@link #publish} hands an alert to each that takes it, never blocking. */
public final class AlertOutputs implements AutoCloseable {
    private final List<OutputWorker> workers;

    private AlertOutputs(List<OutputWorker> workers) {
        this.workers = workers;
    }

    /**
     * Opens and starts the outputs the settings describe.
     *
     * @throws IOException when an output cannot be opened (a file that cannot be created)
     */
    public static AlertOutputs start(List<OutputSettings> settings, MeterRegistry registry) throws IOException {
        List<OutputWorker> workers = new ArrayList<>();
        try {
            for (OutputSettings s : settings) {
                workers.add(new OutputWorker(s.name(), s.open(), s.filter(), s.backoff(), s.queue(),
                        new OutputMetrics(registry, s.name())));
            }
        } catch (IOException | RuntimeException e) {
            workers.forEach(OutputWorker::close);
            throw e;
        }
        return new AlertOutputs(List.copyOf(workers));
    }

    public void publish(Alert alert) {
        for (OutputWorker w : workers) w.offer(alert);
    }

    public boolean isEmpty() {
        return workers.isEmpty();
    }

    @Override
    public void close() {
        workers.forEach(OutputWorker::close);
    }
}
