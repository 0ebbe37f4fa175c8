package dev.picket.outputs;

import dev.picket.engine.alert.Alert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One output behind its own bounded queue and thread, so a slow or failing receiver never holds up
 * detection or the other outputs: {@link #offer} never blocks, and when the queue is full the alert
 * is counted as dropped for this output (it is still in the store). A failed delivery is retried with
 * exponential backoff; meanwhile later alerts wait in the queue, keeping the receiver's order.
 */
final class OutputWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutputWorker.class);

    private final String name;
    private final AlertOutput output;
    private final AlertFilter filter;
    private final Backoff backoff;
    private final OutputMetrics metrics;
    private final BlockingQueue<Alert> queue;
    private final Thread thread;
    private volatile boolean closing;

    OutputWorker(String name, AlertOutput output, AlertFilter filter, Backoff backoff, int capacity, OutputMetrics metrics) {
        this.name = name;
        this.output = output;
        this.filter = filter;
        this.backoff = backoff;
        this.metrics = metrics;
        this.queue = new ArrayBlockingQueue<>(capacity);
        metrics.watchQueue(queue);
        this.thread = Thread.ofPlatform().daemon().name("picket-output-" + name).start(this::run);
    }

    /** Queues the alert when the filter takes it; false when it was not wanted or the queue was full. */
    boolean offer(Alert alert) {
        if (!filter.accepts(alert)) return false;
        if (queue.offer(alert)) return true;
        metrics.dropped.increment();
        return false;
    }

    private void run() {
        try {
            while (!closing || !queue.isEmpty()) {
                Alert alert = queue.poll(100, TimeUnit.MILLISECONDS);
                if (alert != null) deliver(alert);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(Alert alert) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                output.deliver(alert);
                metrics.delivered.increment();
                return;
            } catch (Exception e) {
                if (attempt >= backoff.attempts()) {
                    metrics.failed.increment();
                    LOG.warn("output {}: alert {} not delivered after {} attempts: {}", name, alert.id(), attempt, e.getMessage());
                    return;
                }
                metrics.retried.increment();
                Duration wait = backoff.after(attempt);
                LOG.debug("output {}: attempt {} failed ({}), retrying in {}", name, attempt, e.getMessage(), wait);
                Thread.sleep(wait);
            }
        }
    }

    /** Delivers what is queued (waiting at most {@code grace}), then closes the output. */
    void close(Duration grace) {
        closing = true;
        try {
            if (!thread.join(grace)) thread.interrupt();
            thread.join(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            output.close();
        } catch (Exception e) {
            LOG.warn("output {}: closing: {}", name, e.getMessage());
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
