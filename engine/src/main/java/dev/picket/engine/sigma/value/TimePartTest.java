package dev.picket.engine.sigma.value;

import com.fasterxml.jackson.databind.JsonNode;

/** A time modifier followed by a comparison (equality when none is given). */
public record TimePartTest(TimePart part, CompareTest.Op op, double bound) implements ValueTest {
    @Override
    public boolean test(JsonNode node) {
        if (!node.isTextual()) return false;
        int value = part.of(node.textValue());
        return value >= 0 && op.holds(value, bound);
    }
}
