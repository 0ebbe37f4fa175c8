package dev.picket.engine.sigma.compile;

import dev.picket.engine.event.Event;

import java.util.ArrayList;
import java.util.List;

/** A compiled part of a rule's detection: a predicate over an event. */
public interface Matcher {

    boolean matches(Event event);

    /**
     * Literals some field must hold whenever this matches, each alternative enough on its own
     * (empty when there is none): lets the engine skip the rule for events without one of them
     * (see {@link Requirement}).
     */
    default List<Requirement> requirements() {
        return List.of();
    }

    static Matcher and(List<Matcher> operands) {
        return operands.size() == 1 ? operands.get(0) : new And(operands.toArray(Matcher[]::new));
    }

    static Matcher or(List<Matcher> operands) {
        return operands.size() == 1 ? operands.get(0) : new Or(operands.toArray(Matcher[]::new));
    }

    record And(Matcher[] operands) implements Matcher {
        @Override
        public boolean matches(Event event) {
            for (Matcher m : operands) {
                if (!m.matches(event)) return false;
            }
            return true;
        }

        /** Any operand's requirement is the whole conjunction's. */
        @Override
        public List<Requirement> requirements() {
            List<Requirement> all = new ArrayList<>();
            for (Matcher m : operands) all.addAll(m.requirements());
            return all;
        }
    }

    record Or(Matcher[] operands) implements Matcher {
        @Override
        public boolean matches(Event event) {
            for (Matcher m : operands) {
                if (m.matches(event)) return true;
            }
            return false;
        }

        /** For each field that every branch requires a literal of: the union of those literals. */
        @Override
        public List<Requirement> requirements() {
            List<Requirement> out = new ArrayList<>();
            for (Requirement first : operands[0].requirements()) {
                Requirement union = first;
                for (int i = 1; i < operands.length && union != null; i++) {
                    union = Requirement.union(union, operands[i].requirements());
                }
                if (union != null) out.add(union);
            }
            return out;
        }
    }

    record Not(Matcher operand) implements Matcher {
        @Override
        public boolean matches(Event event) {
            return !operand.matches(event);
        }
    }
}
