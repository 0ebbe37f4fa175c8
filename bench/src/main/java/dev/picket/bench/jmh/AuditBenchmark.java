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

/**
 * A busy cluster's audit log: the parse-only floor beside the engine (decoding, rules,
 * correlations) with the built-in rules and with about 300 rules, in the same run. Scores are
 * events per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OperationsPerInvocation(BenchData.EVENTS)
public class AuditBenchmark {
    private Dataset audit;
    private RuleSet builtin;
    private RuleSet threeHundred;

    @Setup
    public void setUp() {
        audit = Dataset.audit(BenchData.EVENTS, 2026);
        builtin = BenchData.builtin();
        threeHundred = BenchData.builtinPlusCommunity();
    }

    @Benchmark
    public long parseOnly() {
        return ParseBaseline.tokens(audit.bytes());
    }

    @Benchmark
    public long engineBuiltinRules() {
        return BenchSuite.engineAlerts(builtin, audit);
    }

    @Benchmark
    public long engine300Rules() {
        return BenchSuite.engineAlerts(threeHundred, audit);
    }

    @Benchmark
    public long decodeOnly() {
        long[] n = new long[1];
        audit.decode(e -> n[0]++);
        return n[0];
    }
}
