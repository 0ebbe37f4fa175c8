package dev.picket.engine.sigma.compile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.engine.event.Event;
import dev.picket.engine.sigma.value.ValueTest;

/**
 * Keyword search: values without a field match when any string value anywhere in the event
 * matches them (a list is an OR; with {@code all}, each value may match a different string).
 */
public final class KeywordMatch implements Matcher {
    private final ValueTest[] tests;
    private final ValueTest any;
    private final boolean all;

    public KeywordMatch(ValueTest[] tests, boolean all) {
        this.tests = tests;
        this.all = all;
        this.any = tests.length == 1 ? tests[0] : new ValueTest.AnyOf(tests);
    }

    @Override
    public boolean matches(Event event) {
        if (!all) return anyString(event.root(), any);
        for (ValueTest t : tests) {
            if (!anyString(event.root(), t)) return false;
        }
        return true;
    }

    private static boolean anyString(JsonNode node, ValueTest test) {
        if (node.isTextual()) return test.test(node);
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (anyString(child, test)) return true;
            }
        }
        return false;
    }
}
