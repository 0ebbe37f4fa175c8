package dev.picket.bench;

import dev.picket.bench.cel.CelRules;
import dev.picket.engine.Engine;
import dev.picket.engine.event.Event;
import dev.picket.engine.rule.RuleLoadException;
import dev.picket.engine.sigma.RuleSet;
import dev.picket.rules.BuiltinRules;
import dev.picket.rules.RuleSources;

import java.util.List;
import java.util.Map;

/**
 * {@code picket bench}: generates the audit log of a busy cluster and the runtime events of busy
 * nodes, then measures on that same data, in one run: Jackson's streaming parse (the floor), the
 * engine (decode, the built-in rules, correlations), the CEL baseline over the decoded audit
 * events, and the heap an open correlation group holds. The throughput figures are measured
 * interleaved (see {@link Throughput}), so their ratios hold even on a busy machine.
 */
public final class BenchSuite {
    private static final long SEED = 2026;

    /** How much to measure: events generated per kind, threads, seconds per figure, correlation groups. */
    public record Settings(int events, int threads, double seconds, int groups) {
        public Settings {
            if (events < 1 || threads < 1 || seconds <= 0 || groups < 1) {
                throw new IllegalArgumentException("events, threads, seconds and groups must be positive");
            }
        }

        public static Settings defaults() {
            return new Settings(20_000, 1, 3, 100_000);
        }
    }

    private BenchSuite() {
    }

    public static BenchReport run(Settings settings) {
        RuleSet rules = builtinRules();
        Map<String, List<String>> placeholders = placeholders();
        Dataset audit = Dataset.audit(settings.events(), SEED);
        Dataset runtime = Dataset.runtime(settings.events(), SEED);
        List<Event> auditEvents = audit.decoded();
        Throughput throughput = new Throughput(settings.threads(), settings.seconds());

        CelRules celCheck = new CelRules(rules, placeholders);
        double[] eps = throughput.eventsPerSecond(List.of(
                chunked(audit, CHUNK, chunk -> ParseBaseline.tokens(chunk)),
                engine(rules, audit),
                new Throughput.Subject(() -> {
                    CelRules cel = new CelRules(rules, placeholders);
                    int[] next = {0};
                    return () -> {
                        long matched = 0;
                        for (int i = 0; i < CEL_CHUNK; i++) {
                            matched += cel.evaluate(auditEvents.get(next[0]));
                            next[0] = (next[0] + 1) % auditEvents.size();
                        }
                        return matched;
                    };
                }, CEL_CHUNK),
                chunked(runtime, CHUNK, chunk -> ParseBaseline.tokens(chunk)),
                engine(rules, runtime)));
        double bytesPerGroup = CorrelationFootprint.bytesPerGroup(settings.groups());

        return new BenchReport(settings, new BenchReport.Audit(eps[0], eps[1], eps[2]),
                new BenchReport.Runtime(eps[3], eps[4]), bytesPerGroup,
                celCheck.translated(), celCheck.untranslated(), Machine.current());
    }

    /** Events per timed pass: small enough that every measuring round holds many passes. */
    private static final int CHUNK = 500;
    private static final int CEL_CHUNK = 50;

    /** Passes over the data set's chunks in turn. */
    private static Throughput.Subject chunked(Dataset data, int chunkSize, java.util.function.ToLongFunction<byte[]> pass) {
        int size = Math.min(chunkSize, data.events());
        List<byte[]> chunks = data.chunks(size);
        return new Throughput.Subject(() -> {
            int[] next = {0};
            return () -> {
                byte[] chunk = chunks.get(next[0]);
                next[0] = (next[0] + 1) % chunks.size();
                return pass.applyAsLong(chunk);
            };
        }, size);
    }

    /** The engine over the data set's chunks in turn (decoding included), one engine per thread, a new one each time the data starts over. */
    private static Throughput.Subject engine(RuleSet rules, Dataset data) {
        int size = Math.min(CHUNK, data.events());
        List<byte[]> chunks = data.chunks(size);
        return new Throughput.Subject(() -> {
            int[] next = {0};
            Engine[] engine = {new Engine(rules)};
            return () -> {
                if (next[0] == 0) engine[0] = new Engine(rules);
                long[] alerts = new long[1];
                data.decode(chunks.get(next[0]), e -> engine[0].process(e, m -> alerts[0]++));
                next[0] = (next[0] + 1) % chunks.size();
                return alerts[0];
            };
        }, size);
    }

    /** One pass of the engine over a data set, decoding included; a fresh engine, as for a new input. */
    public static long engineAlerts(RuleSet rules, Dataset data) {
        Engine engine = new Engine(rules);
        long[] alerts = new long[1];
        data.decode(e -> engine.process(e, m -> alerts[0]++));
        return alerts[0];
    }

    public static RuleSet builtinRules() {
        try {
            return new RuleSources(BuiltinRules.load()).addBuiltin().build();
        } catch (RuleLoadException e) {
            throw new IllegalStateException("built-in rules do not load: " + e.errors(), e);
        }
    }

    static Map<String, List<String>> placeholders() {
        try {
            return BuiltinRules.load().placeholders();
        } catch (RuleLoadException e) {
            throw new IllegalStateException("built-in placeholders do not load: " + e.errors(), e);
        }
    }
}
