package dev.picket.streams.ops;

import dev.picket.streams.topology.CorrelationGauges;
import dev.picket.streams.topology.Counters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** Picket's own counters beside Kafka Streams' metrics, in the same registry. */
public final class PicketMetrics implements Counters {
    private final MeterRegistry registry;
    private final Counter detectionAlerts;
    private final Counter correlationAlerts;
    private final Counter routed;

    public PicketMetrics(MeterRegistry registry, CorrelationGauges gauges) {
        this.registry = registry;
        this.detectionAlerts = Counter.builder("picket.alerts").tag("stage", "detect").register(registry);
        this.correlationAlerts = Counter.builder("picket.alerts").tag("stage", "correlate").register(registry);
        this.routed = Counter.builder("picket.correlation.routed.matches")
                .description("matches sent through the repartition topic to the correlation stage").register(registry);
        Gauge.builder("picket.correlation.open.groups", gauges, CorrelationGauges::openGroups).register(registry);
        Gauge.builder("picket.correlation.evictions", gauges, CorrelationGauges::evictions).register(registry);
        Gauge.builder("picket.correlation.late", gauges, CorrelationGauges::late).register(registry);
    }

    @Override
    public void decoded(String topic, long events) {
        registry.counter("picket.events.decoded", "topic", topic).increment(events);
    }

    @Override
    public void decodeError(String topic) {
        registry.counter("picket.events.decode.errors", "topic", topic).increment();
    }

    @Override
    public void alert(boolean correlation) {
        (correlation ? correlationAlerts : detectionAlerts).increment();
    }

    @Override
    public void routed() {
        routed.increment();
    }
}
