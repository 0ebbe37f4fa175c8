package dev.picket.engine.sigma.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;

/** {@code re}: RE2 (linear time, no backtracking), searched anywhere in the value. */
public record RegexTest(Pattern pattern) implements ValueTest {
    @Override
    public boolean test(JsonNode node) {
        String text = ValueTest.text(node);
        return text != null && pattern.matcher(text).find();
    }
}
