package dev.picket.engine.correlation;

import dev.picket.engine.rule.RuleInfo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One parsed correlation rule.
 *
 * @param rules     the referenced rules, resolved, in the order the rule lists them
 * @param groupBy   group-by names (fields, or alias names)
 * @param aliases   alias name → referenced rule's name (or id) → field in that rule's events
 * @param timespan  the sliding window (null for {@code new_terms})
 * @param condition when the aggregate matches (null for {@code new_terms})
 * @param fields    the aggregated field(s) of {@code value_*} types, or the tuple of {@code new_terms}
 * @param generate  whether the referenced rules also raise their own alerts
 * @param learning  {@code new_terms}: how long each group learns before new tuples alert (else null)
 */
public record Correlation(RuleInfo info, CorrelationType type, List<RuleInfo> rules, List<String> groupBy,
                              Map<String, Map<String, String>> aliases, Duration timespan, Condition condition,
                              List<String> fields, boolean generate, Duration learning) {

    public Correlation {
        rules = List.copyOf(rules);
        groupBy = List.copyOf(groupBy);
        aliases = Map.copyOf(aliases);
        fields = List.copyOf(fields);
    }

    /**
     * The field a name stands for in the events of the referenced rule at {@code ruleIndex}: the
     * alias's field for that rule when the name is an alias naming it, else the name itself.
     */
    public String field(String name, int ruleIndex) {
        Map<String, String> alias = aliases.get(name);
        if (alias == null) return name;
        RuleInfo rule = rules.get(ruleIndex);
        String byName = rule.name() == null ? null : alias.get(rule.name());
        if (byName != null) return byName;
        String byId = rule.id() == null ? null : alias.get(rule.id());
        return byId != null ? byId : name;
    }

    /** The key its state is stored under: stable across restarts and rule reloads. */
    String stateKey() {
        String id = info.ruleId();
        return type.word() + ":" + id.length() + ":" + id + "|";
    }
}
