package dev.picket.engine.sigma.compile;

import dev.picket.engine.event.Event;
import dev.picket.engine.event.FieldPath;
import dev.picket.engine.sigma.value.Fold;
import dev.picket.engine.sigma.value.StringMatcher;
import dev.picket.engine.sigma.value.TextTest;
import dev.picket.engine.sigma.value.ValueTest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A field compared with the values of a selection entry: any value (a list is an OR), or with
 * {@code all} every value, each against any element when the field is a list.
 */
public final class FieldMatch implements Matcher {
    private final FieldPath path;
    private final ValueTest[] tests;
    private final ValueTest any;
    private final boolean all;

    public FieldMatch(FieldPath path, ValueTest[] tests, boolean all) {
        this.path = path;
        this.tests = tests;
        this.all = all;
        this.any = tests.length == 1 ? tests[0] : new ValueTest.AnyOf(tests);
    }

    @Override
    public boolean matches(Event event) {
        if (!all) return event.anyValue(path, any);
        for (ValueTest t : tests) {
            if (!event.anyValue(path, t)) return false;
        }
        return true;
    }

    @Override
    public List<Requirement> requirements() {
        List<Requirement> out = new ArrayList<>();
        if (all) {
            for (ValueTest t : tests) addIfAny(out, requirement(new ValueTest[] {t}));
        } else {
            addIfAny(out, requirement(tests));
        }
        return out;
    }

    private static void addIfAny(List<Requirement> out, Requirement r) {
        if (r != null) out.add(r);
    }

    /**
     * Exact string values give their text; {@code endswith} values that contain a path separator
     * give the basename they force (so process rules index on the executable name).
     */
    private Requirement requirement(ValueTest[] values) {
        Set<String> exact = new HashSet<>();
        Set<String> basenames = new HashSet<>();
        boolean onlyExact = true;
        for (ValueTest t : values) {
            if (!(t instanceof TextTest text) || !text.fromString()) return null;
            StringMatcher m = text.matcher();
            String literal = m.cased() ? Fold.lower(m.literal()) : m.literal();
            int base = Requirement.basenameStart(literal);
            if (m.kind() == StringMatcher.Kind.EXACT) {
                exact.add(literal);
            } else if (m.kind() == StringMatcher.Kind.SUFFIX && base > 0) {
                onlyExact = false;
            } else {
                return null;
            }
            basenames.add(literal.substring(base));
        }
        return onlyExact ? new Requirement(path, Requirement.Key.EXACT, exact)
                : new Requirement(path, Requirement.Key.BASENAME, basenames);
    }

    @Override
    public String toString() {
        return path + (all ? " all " : " any ") + java.util.Arrays.toString(tests);
    }
}
