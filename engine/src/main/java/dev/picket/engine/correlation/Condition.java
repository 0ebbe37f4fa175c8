package dev.picket.engine.correlation;

import java.util.List;

/**
 * A correlation condition: one or more bounds, all of which must hold ({@code gt: 100, lte: 200}
 * is the range 101..200).
 */
public record Condition(List<Bound> bounds) {

    public enum Operator {
        GT, GTE, LT, LTE, EQ, NEQ;

        static Operator of(String word) {
            for (Operator op : values()) if (op.name().equalsIgnoreCase(word)) return op;
            return null;
        }

        boolean test(double actual, double limit) {
            return switch (this) {
                case GT -> actual > limit;
                case GTE -> actual >= limit;
                case LT -> actual < limit;
                case LTE -> actual <= limit;
                case EQ -> actual == limit;
                case NEQ -> actual != limit;
            };
        }
    }

    public record Bound(Operator operator, double limit) {
    }

    public Condition {
        bounds = List.copyOf(bounds);
        if (bounds.isEmpty()) throw new IllegalArgumentException("a condition needs at least one bound");
    }

    static Condition atLeast(double limit) {
        return new Condition(List.of(new Bound(Operator.GTE, limit)));
    }

    public boolean test(double actual) {
        for (Bound b : bounds) if (!b.operator().test(actual, b.limit())) return false;
        return true;
    }

    /** The largest limit named: counting beyond it never changes the outcome. */
    double ceiling() {
        double max = 0;
        for (Bound b : bounds) max = Math.max(max, b.limit());
        return max;
    }
}
