package dev.picket.engine.attack;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which rules cover which techniques of a Containers matrix. A rule covers the techniques its tags
 * name (revoked IDs read as their successors); a parent technique is covered by its own rules and by
 * those of its sub-techniques. Techniques that rules name but the matrix does not hold (Enterprise-only
 * labels) are kept apart.
 */
public final class Coverage {
    private final AttackMatrix matrix;
    /** Technique ID to the rules tagged with it (directly). */
    private final Map<String, SortedSet<String>> direct = new TreeMap<>();

    /** @param ruleTags rule ID to that rule's Sigma tags */
    public Coverage(AttackMatrix matrix, Map<String, List<String>> ruleTags) {
        this.matrix = matrix;
        ruleTags.forEach((rule, tags) -> {
            for (String id : AttackTags.of(tags).techniques()) {
                direct.computeIfAbsent(matrix.current(id), k -> new TreeSet<>()).add(rule);
            }
        });
    }

    public AttackMatrix matrix() {
        return matrix;
    }

    /** The rules behind a technique, its sub-techniques' included, sorted. */
    public SortedSet<String> rules(String techniqueId) {
        SortedSet<String> out = new TreeSet<>(direct.getOrDefault(techniqueId, Collections.emptySortedSet()));
        direct.forEach((id, rules) -> {
            if (id.startsWith(techniqueId + ".")) out.addAll(rules);
        });
        return out;
    }

    public boolean covered(String techniqueId) {
        return !rules(techniqueId).isEmpty();
    }

    /** Covered techniques of the matrix, counted once however many tactics they sit under. */
    public long coveredCount() {
        return matrix.techniques().stream().filter(t -> covered(t.id())).count();
    }

    /** Technique IDs rules carry that this matrix does not hold, with their rules. */
    public Map<String, SortedSet<String>> outsideMatrix() {
        Map<String, SortedSet<String>> out = new TreeMap<>();
        direct.forEach((id, rules) -> {
            if (matrix.technique(id).isEmpty()) out.put(id, rules);
        });
        return out;
    }

    /** Every technique ID some rule names directly, in or outside the matrix. */
    public Set<String> tagged() {
        return Collections.unmodifiableSet(direct.keySet());
    }
}
