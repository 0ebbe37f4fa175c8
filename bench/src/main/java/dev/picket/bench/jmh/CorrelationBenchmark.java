package dev.picket.bench.jmh;

import dev.picket.bench.CorrelationFootprint;
import dev.picket.engine.Engine;
import dev.picket.engine.event.Event;
import dev.picket.engine.sigma.RuleSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;

/**
 * A value_count correlation (distinct users per source address) fed failed logins from 1 000
 * sources, five users each, through a fresh engine: detection plus window upkeep per event.
 * Events per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OperationsPerInvocation(CorrelationBenchmark.EVENTS)
public class CorrelationBenchmark {
    static final int GROUPS = 1_000;
    static final int EVENTS = GROUPS * 5;
    private RuleSet rules;
    private List<Event> events;

    @Setup
    public void setUp() {
        rules = CorrelationFootprint.rules();
        events = new ArrayList<>(EVENTS);
        for (int v = 0; v < 5; v++) {
            for (int g = 0; g < GROUPS; g++) events.add(CorrelationFootprint.failedPassword(g, v, GROUPS));
        }
    }

    @Benchmark
    public long valueCountGroups() {
        Engine engine = new Engine(rules);
        long[] found = new long[1];
        for (Event e : events) engine.process(e, m -> found[0]++);
        return found[0];
    }
}
