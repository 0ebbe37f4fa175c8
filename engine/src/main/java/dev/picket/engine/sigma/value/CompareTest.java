package dev.picket.engine.sigma.value;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code lt}, {@code lte}, {@code gt}, {@code gte}: numbers, and strings that hold a number. */
public record CompareTest(Op op, double bound) implements ValueTest {

    public enum Op {
        LT, LTE, GT, GTE, EQ;

        public boolean holds(double value, double bound) {
            return switch (this) {
                case LT -> value < bound;
                case LTE -> value <= bound;
                case GT -> value > bound;
                case GTE -> value >= bound;
                case EQ -> value == bound;
            };
        }
    }

    @Override
    public boolean test(JsonNode node) {
        if (node.isNumber()) return op.holds(node.doubleValue(), bound);
        if (node.isTextual()) {
            double value = parse(node.textValue());
            return !Double.isNaN(value) && op.holds(value, bound);
        }
        return false;
    }

    /** The number a string holds, or NaN; no exception for the common non-numeric case. */
    public static double parse(String s) {
        String t = s.strip();
        if (t.isEmpty()) return Double.NaN;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) return Double.NaN;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
