package dev.picket.rules;

import dev.picket.engine.Correlator;
import dev.picket.engine.Engine;
import dev.picket.engine.Match;
import dev.picket.engine.correlation.Correlations;
import dev.picket.engine.correlation.KeyLines;
import dev.picket.engine.correlation.SigmaCorrelator;
import dev.picket.engine.event.Event;
import dev.picket.engine.rule.RuleError;
import dev.picket.engine.rule.RuleLoadException;
import dev.picket.engine.sigma.RuleSet;
import dev.picket.io.decode.DecodeSettings;
import dev.picket.io.decode.InputReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Test support: the whole built-in rule set, compiled once, and a way to run input lines through a
 * fresh engine over it (decoded exactly as {@code picket detect} decodes a file).
 */
final class BuiltinRuleRun {
    static final RuleSet RULES = compile(BuiltinRules.load());
    private static final Correlations CORRELATIONS = correlations(RULES);

    private BuiltinRuleRun() {
    }

    private static RuleSet compile(BuiltinRules builtin) {
        RuleSet.Builder builder = RuleSet.builder().placeholders(builtin.placeholders());
        builtin.rules().forEach(f -> builder.add(f.name(), f.text()));
        try {
            return builder.build();
        } catch (RuleLoadException e) {
            throw new IllegalStateException("built-in rules do not load:\n" + String.join("\n",
                    e.errors().stream().map(Object::toString).toList()), e);
        }
    }

    private static Correlations correlations(RuleSet rules) {
        List<RuleError> errors = new ArrayList<>();
        Correlations compiled = Correlations.compile(rules.rules(), KeyLines.RULE_LINE, errors);
        if (!errors.isEmpty()) throw new IllegalStateException("built-in correlation rules do not load: " + errors);
        return compiled;
    }

    /**
     * A fresh correlator over the built-in correlation rules, plugged in the engine's seam: it passes on
     * only what the correlations find, since the engine itself emits the detection matches.
     */
    static Correlator newCorrelator() {
        SigmaCorrelator correlator = new SigmaCorrelator(CORRELATIONS);
        return new Correlator() {
            @Override
            public void onMatch(Match detection, Consumer<Match> out) {
                correlator.accept(detection, m -> {
                    if (m != detection) out.accept(m);
                });
            }

            @Override
            public void onEvent(Event event, Consumer<Match> out) {
                correlator.advanceTo(event.time());
            }
        };
    }

    /** Ids (Sigma name, else id) of the rules that fired on the lines, in firing order, one per firing. */
    static List<String> firedRuleIds(String source, String lines) {
        Engine engine = new Engine(RULES, newCorrelator());
        List<String> fired = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try {
            new InputReader(DecodeSettings.defaults(Clock.systemUTC())).read(source,
                    new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)),
                    (Event e) -> engine.process(e, m -> fired.add(m.rule().ruleId())),
                    error -> errors.add(error.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!errors.isEmpty()) throw new IllegalArgumentException("undecodable input: " + errors);
        return fired;
    }
}
