package dev.picket.engine.testing;

import dev.picket.engine.Engine;
import dev.picket.engine.Match;
import dev.picket.engine.event.Event;
import dev.picket.engine.rule.RuleLoadException;
import dev.picket.engine.sigma.RuleSet;

import java.util.ArrayList;
import java.util.List;

/** Rule sets from YAML text for tests, and what they match. */
public final class TestRules {
    private TestRules() {}

    /** Each text is one file, named {@code test-N.yml} (N from 1) in errors. */
    public static RuleSet ruleSet(String... files) {
        RuleSet.Builder builder = RuleSet.builder();
        for (int i = 0; i < files.length; i++) builder.add("test-" + (i + 1) + ".yml", files[i]);
        try {
            return builder.build();
        } catch (RuleLoadException e) {
            throw new AssertionError("rules do not load:\n" + e.getMessage(), e);
        }
    }

    /** The errors the files give, as {@code FILE:LINE: message} lines; empty when they load. */
    public static List<String> errors(String... files) {
        RuleSet.Builder builder = RuleSet.builder();
        for (int i = 0; i < files.length; i++) builder.add("test-" + (i + 1) + ".yml", files[i]);
        try {
            builder.build();
            return List.of();
        } catch (RuleLoadException e) {
            return e.errors().stream().map(Object::toString).toList();
        }
    }

    /** The rule ids ({@code RuleInfo.ruleId()}) of every match the event causes, in order. */
    public static List<String> matches(RuleSet rules, Event... events) {
        Engine engine = new Engine(rules);
        List<String> ids = new ArrayList<>();
        for (Event e : events) engine.process(e, m -> ids.add(m.rule().ruleId()));
        return ids;
    }

    /** Every match the events cause. */
    public static List<Match> run(RuleSet rules, Event... events) {
        Engine engine = new Engine(rules);
        List<Match> out = new ArrayList<>();
        for (Event e : events) engine.process(e, out::add);
        return out;
    }
}
