package dev.picket.engine.sigma.compile;

import dev.picket.engine.event.FieldPath;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A necessary condition for a rule to match: some value of {@code field} (its whole text, or for
 * {@link Key#BASENAME} the part after the last {@code /} or {@code \}) is, ignoring case, one of
 * {@code literals} (folded). The engine indexes rules by it and offers an event only to rules
 * whose requirement the event meets.
 */
public record Requirement(FieldPath field, Key key, Set<String> literals) {

    public enum Key { EXACT, BASENAME }

    public Requirement {
        literals = Set.copyOf(literals);
    }

    /** The part of a path-like value after its last separator. */
    public static int basenameStart(CharSequence s) {
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == '/' || c == '\\') return i + 1;
        }
        return 0;
    }

    /** The union with the first of {@code others} on the same field, or null when none is. */
    static Requirement union(Requirement a, List<Requirement> others) {
        for (Requirement b : others) {
            if (b.field.equals(a.field)) return union(a, b);
        }
        return null;
    }

    private static Requirement union(Requirement a, Requirement b) {
        if (a.key != b.key) {
            a = a.asBasename();
            b = b.asBasename();
        }
        Set<String> all = new HashSet<>(a.literals);
        all.addAll(b.literals);
        return new Requirement(a.field, a.key, all);
    }

    /** An exact value also fixes its basename. */
    Requirement asBasename() {
        if (key == Key.BASENAME) return this;
        Set<String> bases = new HashSet<>();
        for (String l : literals) bases.add(l.substring(basenameStart(l)));
        return new Requirement(field, Key.BASENAME, bases);
    }
}
