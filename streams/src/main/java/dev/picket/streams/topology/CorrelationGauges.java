package dev.picket.streams.topology;

import dev.picket.engine.correlation.CorrelationStats;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The correlation statistics of every task on this instance, summed for the metrics endpoint. */
public final class CorrelationGauges {
    private final Map<String, CorrelationStats> byTask = new ConcurrentHashMap<>();

    void update(String task, CorrelationStats stats) {
        byTask.put(task, stats);
    }

    void remove(String task) {
        byTask.remove(task);
    }

    public long openGroups() {
        return byTask.values().stream().mapToLong(CorrelationStats::openGroups).sum();
    }

    public long evictions() {
        return byTask.values().stream().mapToLong(CorrelationStats::evictions).sum();
    }

    public long late() {
        return byTask.values().stream().mapToLong(CorrelationStats::late).sum();
    }
}
