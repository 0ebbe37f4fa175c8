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
 * events, and the heap an open correlation group holds.
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
        double auditParse = throughput.eventsPerSecond(() -> () -> ParseBaseline.tokens(audit.bytes()), audit.events());
        double auditEngine = throughput.eventsPerSecond(() -> () -> engineAlerts(rules, audit), audit.events());
        double auditCel = throughput.eventsPerSecond(() -> {
            CelRules cel = new CelRules(rules, placeholders);
            return () -> {
                long matched = 0;
                for (Event e : auditEvents) matched += cel.evaluate(e);
                return matched;
            };
        }, audit.events());
        double runtimeParse = throughput.eventsPerSecond(() -> () -> ParseBaseline.tokens(runtime.bytes()), runtime.events());
        double runtimeEngine = throughput.eventsPerSecond(() -> () -> engineAlerts(rules, runtime), runtime.events());
        double bytesPerGroup = CorrelationFootprint.bytesPerGroup(settings.groups());

        return new BenchReport(settings, new BenchReport.Audit(auditParse, auditEngine, auditCel),
                new BenchReport.Runtime(runtimeParse, runtimeEngine), bytesPerGroup,
                celCheck.translated(), celCheck.untranslated(), Machine.current());
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
