package dev.picket.bench.jmh;

import dev.picket.bench.BenchSuite;
import dev.picket.bench.Dataset;
import dev.picket.bench.ParseBaseline;
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

/** Busy nodes' runtime events: parse-only floor, decoding alone, and the engine with the built-in rules. Events per second. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OperationsPerInvocation(BenchData.EVENTS)
public class RuntimeBenchmark {
    private Dataset runtime;
    private RuleSet builtin;

    @Setup
    public void setUp() {
        runtime = Dataset.runtime(BenchData.EVENTS, 2026);
        builtin = BenchData.builtin();
    }

    @Benchmark
    public long parseOnly() {
        return ParseBaseline.tokens(runtime.bytes());
    }

    @Benchmark
    public long decodeOnly() {
        long[] n = new long[1];
        runtime.decode(e -> n[0]++);
        return n[0];
    }

    @Benchmark
    public long engineBuiltinRules() {
        return BenchSuite.engineAlerts(builtin, runtime);
    }
}
