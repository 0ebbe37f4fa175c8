package dev.picket.engine.sigma.condition;

import java.util.List;

/** A parsed Sigma condition, before its search identifiers are resolved. */
public sealed interface Condition {

    record And(List<Condition> operands) implements Condition {}

    record Or(List<Condition> operands) implements Condition {}

    record Not(Condition operand) implements Condition {}

    /** A search identifier named directly. */
    record Ref(String name) implements Condition {}

    /**
     * {@code 1 of x*}, {@code all of x*}, {@code 1 of them}, {@code all of them}: {@code pattern}
     * is null for {@code them}.
     */
    record Quantified(boolean all, String pattern) implements Condition {}
}
