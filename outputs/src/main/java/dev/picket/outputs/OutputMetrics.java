package dev.picket.outputs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Collection;

/** The counters of one output, tagged with its name: what arrived, what was retried, what was lost and why. */
final class OutputMetrics {
    final Counter delivered;
    final Counter retried;
    /** Given up after every attempt failed. */
    final Counter failed;
    /** Not queued: the output's queue was full (the receiver is down or slower than detection). */
    final Counter dropped;

    private final MeterRegistry registry;
    private final String output;

    OutputMetrics(MeterRegistry registry, String output) {
        this.registry = registry;
        this.output = output;
        delivered = counter(registry, "picket.output.delivered", output, "alerts the output delivered");
        retried = counter(registry, "picket.output.retries", output, "deliveries tried again after a failure");
        failed = counter(registry, "picket.output.failed", output, "alerts given up after every attempt failed");
        dropped = counter(registry, "picket.output.dropped", output, "alerts not queued because the output's queue was full");
    }

    /** Alerts waiting for the output: a growing number is a receiver falling behind. */
    void watchQueue(Collection<?> queue) {
        Gauge.builder("picket.output.queued", queue, Collection::size).tag("output", output)
                .description("alerts waiting for the output").register(registry);
    }

    private static Counter counter(MeterRegistry registry, String name, String output, String description) {
        return Counter.builder(name).tag("output", output).description(description).register(registry);
    }
}
