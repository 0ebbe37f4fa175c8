package dev.picket.engine.sigma;

import dev.picket.engine.event.FieldPath;
import dev.picket.engine.sigma.compile.Requirement;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules one log source sees, indexed by required literal: a rule that can only match when
 * field F holds one of a few literals is listed under those literals, and offered an event only
 * when the event's F holds one of them. Rules without such a literal are always offered.
 */
final class RuleGroup {
    /** One indexed field: which of its values (or basenames) admit which rules. */
    record Probe(FieldPath field, Requirement.Key key, LiteralTable table) {}

    final DetectionRule[] rules;
    final BitSet unindexed = new BitSet();
    final BitSet stageReaders = new BitSet();
    final Probe[] probes;

    RuleGroup(List<DetectionRule> rules, boolean useIndex) {
        this.rules = rules.toArray(DetectionRule[]::new);
        Map<String, Map<String, List<Integer>>> byProbe = new LinkedHashMap<>();
        Map<String, Requirement> probeOf = new LinkedHashMap<>();
        for (int i = 0; i < this.rules.length; i++) {
            DetectionRule rule = this.rules[i];
            if (rule.readsStage()) stageReaders.set(i);
            Requirement r = useIndex ? rule.requirement() : null;
            if (r == null) {
                unindexed.set(i);
                continue;
            }
            String probe = r.key() + " " + r.field().text();
            probeOf.putIfAbsent(probe, r);
            Map<String, List<Integer>> table = byProbe.computeIfAbsent(probe, k -> new LinkedHashMap<>());
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
}
