package dev.picket.rules;

import dev.picket.engine.Engine;
import dev.picket.engine.event.Event;
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

/**
 * Test support: the whole built-in rule set, compiled once, and a way to run input lines through a
 * fresh engine over it (decoded exactly as {@code picket detect} decodes a file).
 */
final class BuiltinRuleRun {
    static final RuleSet RULES = compile();

    private BuiltinRuleRun() {
    }

    private static RuleSet compile() {
        try {
            return new RuleSources(BuiltinRules.load()).addBuiltin().build();
        } catch (RuleLoadException e) {
            throw new IllegalStateException("built-in rules do not load: " + e.errors(), e);
        }
    }

    /** Ids (Sigma name, else id) of the rules that fired on the lines, in firing order, one per firing. */
    static List<String> firedRuleIds(String source, String lines) {
        Engine engine = new Engine(RULES);
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
