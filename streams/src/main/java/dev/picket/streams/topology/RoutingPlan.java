package dev.picket.streams.topology;

import dev.picket.engine.correlation.Correlation;
import dev.picket.engine.correlation.Correlations;
import dev.picket.engine.event.Event;
import dev.picket.engine.event.FieldPath;
import dev.picket.engine.rule.RuleInfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where a detection match must go so that every correlation group it can join is on one task.
 *
 * <p>Correlation rules are joined into components: two correlations are in one component when one
 * refers to the other (a chain) or both refer to the same rule. A match of a referenced rule
 * therefore feeds exactly one component. A component is routed by the group-by fields that every
 * correlation in it groups by under their own name (an aliased name reads different fields per
 * rule, so it cannot route): any two matches of one group agree on those fields, so they share a
 * routing key and a partition. A component with no such field sends all its matches to one task,
 * which is still correct, only not spread.
 */
public final class RoutingPlan {
    /** One component: its index (part of the key, so components spread independently) and routing fields. */
    public record Component(int index, List<String> fields, List<FieldPath> paths) {
    }

    private final Map<RuleInfo, Component> byReferencedRule = new IdentityHashMap<>();
    private final List<Component> components = new ArrayList<>();

    public RoutingPlan(Correlations correlations) {
        List<Correlation> rules = correlations.rules();
        Map<RuleInfo, Integer> correlationIndex = new IdentityHashMap<>();
        for (int i = 0; i < rules.size(); i++) correlationIndex.put(rules.get(i).info(), i);
        int[] parent = new int[rules.size()];
        for (int i = 0; i < parent.length; i++) parent[i] = i;
        Map<RuleInfo, Integer> firstReferrer = new IdentityHashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            for (RuleInfo referenced : rules.get(i).rules()) {
                Integer chained = correlationIndex.get(referenced);
                if (chained != null) union(parent, i, chained);
                Integer other = firstReferrer.putIfAbsent(referenced, i);
                if (other != null) union(parent, i, other);
            }
        }
        Map<Integer, Component> byRoot = new HashMap<>();
        Map<Integer, List<Correlation>> members = new TreeMap<>();
        for (int i = 0; i < rules.size(); i++) members.computeIfAbsent(find(parent, i), r -> new ArrayList<>()).add(rules.get(i));
        for (Map.Entry<Integer, List<Correlation>> e : members.entrySet()) {
            List<String> fields = commonFields(e.getValue());
            Component c = new Component(components.size(), fields, fields.stream().map(FieldPath::of).toList());
            components.add(c);
            byRoot.put(e.getKey(), c);
        }
        for (int i = 0; i < rules.size(); i++) {
            Component c = byRoot.get(find(parent, i));
            for (RuleInfo referenced : rules.get(i).rules()) {
                if (!correlationIndex.containsKey(referenced)) byReferencedRule.put(referenced, c);
            }
        }
    }

    /** The component a detection rule's matches feed, or null when no correlation refers to it. */
    public Component componentOf(RuleInfo rule) {
        return byReferencedRule.get(rule);
    }

    public List<Component> components() {
        return List.copyOf(components);
    }

    /**
     * The partition key of a match of the component: the component and the routing fields' values
     * (read as the correlation reads them: the first value; absent is a value of its own). The
     * cluster is not part of it because the in-process correlator does not group by cluster either.
     */
    public static String key(Component component, Event event) {
        StringBuilder key = new StringBuilder().append(component.index());
        for (FieldPath path : component.paths()) {
            String value = event.text(path);
            key.append('\u001f').append(value == null ? "\u0000" : value);
        }
        return key.toString();
    }

    private static List<String> commonFields(List<Correlation> members) {
        Set<String> common = null;
        for (Correlation c : members) {
            Set<String> own = new LinkedHashSet<>(c.groupBy());
            own.removeAll(c.aliases().keySet());
            if (common == null) common = own;
            else common.retainAll(own);
        }
        return common == null ? List.of() : List.copyOf(common);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }
}
