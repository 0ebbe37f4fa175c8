package dev.picket.engine.sigma;

import dev.picket.engine.event.FieldPath;
import dev.picket.engine.sigma.compile.Requirement;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules one log source sees, indexed by required literal: a rule that can only match when
 * field F holds one of a few literals is listed under those literals, and offered an event only
 * when the event's F holds one of them. Rules without such a literal are always offered.
 *
 * <p>A rule often has several requirements (an audit rule needs both a verb and a resource); the
 * one chosen is the one whose literals the fewest other rules of the group share, so that each
 * event wakes as few rules as possible.
 */
final class RuleGroup {
    /** One indexed field: which of its values (or basenames) admit which rules. */
    record Probe(FieldPath field, Requirement.Key key, LiteralTable table) {}

    final DetectionRule[] rules;
    /** The requirement each rule is indexed under, or null. */
    final Requirement[] chosen;
    final BitSet unindexed = new BitSet();
    final BitSet stageReaders = new BitSet();
    final Probe[] probes;

    RuleGroup(List<DetectionRule> rules, boolean useIndex) {
        this.rules = rules.toArray(DetectionRule[]::new);
        this.chosen = new Requirement[this.rules.length];
        Map<String, Integer> shared = new HashMap<>();
        for (DetectionRule rule : this.rules) {
            for (Requirement r : rule.requirements()) {
                for (String literal : r.literals()) shared.merge(key(r) + "\0" + literal, 1, Integer::sum);
            }
        }
        Map<String, Map<String, List<Integer>>> byProbe = new LinkedHashMap<>();
        Map<String, Requirement> probeOf = new LinkedHashMap<>();
        for (int i = 0; i < this.rules.length; i++) {
            DetectionRule rule = this.rules[i];
            if (rule.readsStage()) stageReaders.set(i);
            Requirement r = useIndex ? cheapest(rule.requirements(), shared) : null;
            chosen[i] = r;
            if (r == null) {
                unindexed.set(i);
                continue;
            }
            probeOf.putIfAbsent(key(r), r);
            Map<String, List<Integer>> table = byProbe.computeIfAbsent(key(r), k -> new LinkedHashMap<>());
            for (String literal : r.literals()) table.computeIfAbsent(literal, k -> new ArrayList<>()).add(i);
        }
        List<Probe> probes = new ArrayList<>();
        byProbe.forEach((name, table) -> {
            Map<String, int[]> entries = new LinkedHashMap<>();
            table.forEach((literal, positions) -> entries.put(literal, positions.stream().mapToInt(Integer::intValue).toArray()));
            Requirement r = probeOf.get(name);
            probes.add(new Probe(r.field(), r.key(), new LiteralTable(entries)));
        });
        this.probes = probes.toArray(Probe[]::new);
    }

    private static String key(Requirement r) {
        return r.key() + " " + r.field().text();
    }

    /** The requirement that wakes the rule least often: fewest rules sharing its literals. */
    private static Requirement cheapest(List<Requirement> options, Map<String, Integer> shared) {
        Requirement best = null;
        long bestCost = Long.MAX_VALUE;
        for (Requirement r : options) {
            long cost = 0;
            for (String literal : r.literals()) cost += shared.get(key(r) + "\0" + literal);
            if (r.key() == Requirement.Key.BASENAME) cost++; // a basename is a looser test than the whole value
            if (cost < bestCost) {
                best = r;
                bestCost = cost;
            }
        }
        return best;
    }
}
