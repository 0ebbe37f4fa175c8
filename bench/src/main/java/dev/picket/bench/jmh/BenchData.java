package dev.picket.bench.jmh;

import dev.picket.bench.BenchSuite;
import dev.picket.bench.CommunityStyleRules;
import dev.picket.engine.rule.RuleLoadException;
import dev.picket.engine.sigma.RuleSet;
import dev.picket.rules.BuiltinRules;
import dev.picket.rules.RuleSources;

/** What the JMH benchmarks share: rule sets and data sizes. */
final class BenchData {
    /** Events per benchmark invocation; scores are per event (OperationsPerInvocation). */
    static final int EVENTS = 5_000;
    /** Built-in rules plus community-style audit rules: about 300 in all. */
    static final int COMMUNITY_RULES = 250;

    private BenchData() {
    }

    static RuleSet builtinPlusCommunity() {
        try {
            RuleSet.Builder b = RuleSet.builder().placeholders(BuiltinRules.load().placeholders());
            new RuleSources(BuiltinRules.load()).addBuiltin().sources().forEach(s -> b.add(s.name(), s.text()));
            b.add("community-style.yml", CommunityStyleRules.yaml(COMMUNITY_RULES));
            return b.build();
        } catch (RuleLoadException e) {
            throw new IllegalStateException("benchmark rules do not load: " + e.errors(), e);
        }
    }

    static RuleSet builtin() {
        return BenchSuite.builtinRules();
    }
}
