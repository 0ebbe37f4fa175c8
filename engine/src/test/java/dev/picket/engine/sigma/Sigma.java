package dev.picket.engine.sigma;

import dev.picket.engine.event.Event;
import dev.picket.engine.event.LogSource;
import dev.picket.engine.testing.Events;
import dev.picket.engine.testing.TestRules;

import java.util.List;

/**
 * One-rule fixtures for the conformance tests: a detection section (YAML text) wrapped into a rule
 * of log source {@code product: test}, and events of that log source from JSON text.
 */
final class Sigma {
    static final LogSource TEST = new LogSource("test", null, null);

    private Sigma() {}

    static String rule(String detection) {
        return "title: conformance\nname: conformance\nlogsource:\n    product: test\ndetection:\n"
                + detection.indent(4);
    }

    static boolean matches(String detection, String eventJson) {
        RuleSet rules = TestRules.ruleSet(rule(detection));
        return !TestRules.matches(rules, event(eventJson)).isEmpty();
    }

    static Event event(String json) {
        return Events.event(TEST, json);
    }

    /** The errors of the rule; lines count from the rule's first line (detection's first line is 6). */
    static List<String> errors(String detection) {
        return TestRules.errors(rule(detection));
    }
}
