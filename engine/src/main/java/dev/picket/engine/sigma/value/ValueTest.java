package dev.picket.engine.sigma.value;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.function.Predicate;

/**
 * A test of one value found in an event (arrays are already flattened by the caller). Compiled
 * once per rule value; evaluating must not allocate on the common path.
 */
public interface ValueTest extends Predicate<JsonNode> {

    /** The text Sigma compares for a scalar (numbers and booleans as written), or null. */
    static String text(JsonNode node) {
        if (node.isTextual()) return node.textValue();
        if (node.isNumber() || node.isBoolean()) return node.asText();
        return null;
    }

    /** Any of several tests: a list of values is an OR unless {@code all} is given. */
    record AnyOf(ValueTest[] tests) implements ValueTest {
        @Override
        public boolean test(JsonNode node) {
            for (ValueTest t : tests) {
                if (t.test(node)) return true;
            }
            return false;
        }
    }
}
