package dev.picket.server.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the ingest pipeline reports: events received per source, decoding errors, batches turned
 * away when saturated, alerts per rule, batches waiting, and how long a batch takes to process.
 */
public final class IngestMetrics {
    private final MeterRegistry registry;
    private final Map<Source, Counter> events = new EnumMap<>(Source.class);
    private final Map<Source, Counter> decodeErrors = new EnumMap<>(Source.class);
    private final Map<Source, Counter> rejected = new EnumMap<>(Source.class);
    private final Timer latency;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Source s : Source.values()) {
            events.put(s, Counter.builder("picket.events.received").tag("source", s.label())
                    .description("events processed, by the endpoint they came in on").register(registry));
            decodeErrors.put(s, Counter.builder("picket.decode.errors").tag("source", s.label())
                    .description("records that could not be decoded; their batches were refused").register(registry));
            rejected.put(s, Counter.builder("picket.batches.rejected").tag("source", s.label())
                    .description("batches answered 429 because the pipeline was full").register(registry));
        }
        latency = Timer.builder("picket.batch.processing").publishPercentileHistogram()
                .description("time from a batch's acceptance to its alerts being stored").register(registry);
    }

    void eventsProcessed(Source source, int n) {
        events.get(source).increment(n);
    }

    public void decodeErrors(Source source, int n) {
        decodeErrors.get(source).increment(n);
    }

    void rejected(Source source) {
        rejected.get(source).increment();
    }

    void alert(String ruleId) {
        registry.counter("picket.alerts", "rule", ruleId).increment();
    }

    void processed(Duration sinceAccepted) {
        latency.record(sinceAccepted);
    }

    void queue(Collection<?> batches) {
        Gauge.builder("picket.ingest.queue.batches", batches, Collection::size)
                .description("accepted batches waiting to be processed").register(registry);
    }
}
