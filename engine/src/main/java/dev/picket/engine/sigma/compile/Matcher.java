package dev.picket.engine.sigma.compile;

import dev.picket.engine.event.Event;

import java.util.List;

/** A compiled part of a rule's detection: a predicate over an event. */
public interface Matcher {

    boolean matches(Event event);

    /**
     * A literal some field must hold whenever this matches, or null when there is none: lets the
     * engine skip the rule for events without it (see {@link Requirement}).
     */
    default Requirement requirement() {
        return null;
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

        /** Any operand's requirement is the whole conjunction's; the most selective one is kept. */
        @Override
        public Requirement requirement() {
            Requirement best = null;
            for (Matcher m : operands) best = Requirement.better(best, m.requirement());
            return best;
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

        /** Only when every branch requires a literal of the same field: the union of them. */
        @Override
        public Requirement requirement() {
            Requirement union = operands[0].requirement();
            for (int i = 1; i < operands.length && union != null; i++) {
                union = Requirement.union(union, operands[i].requirement());
            }
            return union;
        }
    }

    record Not(Matcher operand) implements Matcher {
        @Override
        public boolean matches(Event event) {
            return !operand.matches(event);
        }
    }
}
