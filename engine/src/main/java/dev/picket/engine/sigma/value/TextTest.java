package dev.picket.engine.sigma.value;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Sigma string value (wildcards, case rules) compared with an event value. A rule value written
 * as a YAML number also equals an event number of the same value ({@code 4688} and {@code 4688.0}).
 *
 * @param fromString the rule wrote the value as a string, so its text is the whole truth (the
 *                   literal index may rely on it)
 */
public record TextTest(StringMatcher matcher, boolean hasNumber, double number, boolean fromString)
        implements ValueTest {

    public static TextTest ofString(StringMatcher matcher) {
        return new TextTest(matcher, false, 0, true);
    }

    @Override
    public boolean test(JsonNode node) {
        if (node.isTextual()) return matcher.matches(node.textValue());
        if (hasNumber && node.isNumber()) return node.doubleValue() == number;
        String text = ValueTest.text(node);
        return text != null && matcher.matches(text);
    }
}
