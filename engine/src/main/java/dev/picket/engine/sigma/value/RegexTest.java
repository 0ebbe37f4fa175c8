package dev.picket.engine.sigma.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;

import java.util.List;

/**
 * {@code re}: RE2 (linear time, no backtracking), searched anywhere in the value. When the
 * expression cannot match without one of a few literals (see {@link RegexLiterals}), values
 * holding none of them are rejected before the expression runs.
 */
public final class RegexTest implements ValueTest {
    private final Pattern pattern;
    private final String[] required;

    /** @param caseInsensitive the {@code i} sub-modifier is given: no literal prefilter then */
    public RegexTest(Pattern pattern, boolean caseInsensitive) {
        this.pattern = pattern;
        List<String> literals = caseInsensitive ? null : RegexLiterals.of(pattern.pattern());
        this.required = literals == null ? null : literals.toArray(String[]::new);
    }

    @Override
    public boolean test(JsonNode node) {
        String text = ValueTest.text(node);
        return text != null && mayMatch(text) && pattern.matcher(text).find();
    }

    private boolean mayMatch(String text) {
        if (required == null) return true;
        for (String literal : required) {
            if (text.contains(literal)) return true;
        }
        return false;
    }

    @Override
    public String toString() {
        return "re(" + pattern.pattern() + ")";
    }
}
