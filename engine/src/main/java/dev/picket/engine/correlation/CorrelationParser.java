package dev.picket.engine.correlation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.engine.rule.RuleError;
import dev.picket.engine.rule.RuleInfo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code correlation} section of a rule document into a {@link Correlation}, reporting
 * every problem as {@code FILE:LINE: correlation.KEY: what is wrong}.
 */
final class CorrelationParser {
    private static final Set<String> KEYS =
            Set.of("type", "rules", "group-by", "timespan", "condition", "aliases", "fields", "learning");

    private final RuleInfo info;
    private final Map<String, RuleInfo> byReference;
    private final KeyLines lines;
    private final List<RuleError> errors;

    private CorrelationParser(RuleInfo info, Map<String, RuleInfo> byReference, KeyLines lines, List<RuleError> errors) {
        this.info = info;
        this.byReference = byReference;
        this.lines = lines;
        this.errors = errors;
    }

    /**
     * The rule, or null when it has errors (added to {@code errors}).
     *
     * @param byReference every loaded rule by name and by id
     */
    static Correlation parse(RuleInfo info, Map<String, RuleInfo> byReference, KeyLines lines,
                                 List<RuleError> errors) {
        return new CorrelationParser(info, byReference, lines, errors).parse();
    }

    static boolean isCorrelation(RuleInfo info) {
        return info.document() != null && info.document().has("correlation");
    }

    private Correlation parse() {
        int errorsBefore = errors.size();
        JsonNode section = info.document().get("correlation");
        if (!section.isObject()) {
            error("correlation", "must be a mapping");
            return null;
        }
        for (Iterator<String> it = section.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) error("correlation." + key, "unknown key (expected one of " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
        }
        CorrelationType type = type(section.get("type"));
        List<RuleInfo> rules = references(section.get("rules"));
        List<String> groupBy = strings("correlation.group-by", section.get("group-by"), false);
        Map<String, Map<String, String>> aliases = aliases(section.get("aliases"), rules);
        boolean generate = generate(info.document().get("generate"));
        if (type == null) return null;

        Duration timespan = null;
        Condition condition = null;
        List<String> fields = List.of();
        Duration learning = null;
        if (type == CorrelationType.NEW_TERMS) {
            for (String unused : List.of("timespan", "condition")) {
                if (section.has(unused)) error("correlation." + unused, "does not apply to new_terms");
            }
            fields = strings("correlation.fields", section.get("fields"), true);
            learning = duration("correlation.learning", section.get("learning"));
        } else {
            for (String unused : List.of("fields", "learning")) {
                if (section.has(unused)) error("correlation." + unused, "applies only to new_terms");
            }
            timespan = duration("correlation.timespan", section.get("timespan"));
            JsonNode conditionNode = section.get("condition");
            if (conditionNode == null && type.conditionOptional()) {
                condition = Condition.atLeast(type == CorrelationType.TEMPORAL
                        ? rules.stream().distinct().count() : rules.size());
            } else {
                condition = condition(conditionNode);
                fields = conditionField(type, conditionNode);
            }
        }
        if (errors.size() > errorsBefore) return null;
        return new Correlation(info, type, rules, groupBy, aliases, timespan, condition, fields, generate, learning);
    }

    private CorrelationType type(JsonNode node) {
        if (node == null || !node.isTextual()) {
            error("correlation.type", "missing (one of event_count, value_count, temporal, temporal_ordered, value_sum, value_avg, value_percentile, new_terms)");
            return null;
        }
        CorrelationType type = CorrelationType.of(node.asText()).orElse(null);
        if (type == null) error("correlation.type", "unknown type '" + node.asText() + "'");
        return type;
    }

    private List<RuleInfo> references(JsonNode node) {
        List<String> names = strings("correlation.rules", node, true);
        List<RuleInfo> rules = new ArrayList<>(names.size());
        for (String name : names) {
            RuleInfo rule = byReference.get(name);
            if (rule == null) error("correlation.rules", "no rule has the name or id '" + name + "'");
            else if (rule == info) error("correlation.rules", "a correlation cannot refer to itself");
            else rules.add(rule);
        }
        return rules;
    }

    private Map<String, Map<String, String>> aliases(JsonNode node, List<RuleInfo> rules) {
        Map<String, Map<String, String>> aliases = new LinkedHashMap<>();
        if (node == null) return aliases;
        if (!node.isObject()) {
            error("correlation.aliases", "must map alias names to {rule name: field}");
            return aliases;
        }
        for (Map.Entry<String, JsonNode> alias : node.properties()) {
            String where = "correlation.aliases." + alias.getKey();
            if (!alias.getValue().isObject()) {
                error(where, "must map rule names to fields");
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> perRule : alias.getValue().properties()) {
                boolean referenced = rules.stream().anyMatch(r ->
                        perRule.getKey().equals(r.name()) || perRule.getKey().equals(r.id()));
                if (!referenced) error(where + "." + perRule.getKey(), "names no rule this correlation refers to");
                if (!perRule.getValue().isTextual() || perRule.getValue().asText().isEmpty()) {
                    error(where + "." + perRule.getKey(), "must be a field name");
                } else {
                    fields.put(perRule.getKey(), perRule.getValue().asText());
                }
            }
            aliases.put(alias.getKey(), fields);
        }
        return aliases;
    }

    private boolean generate(JsonNode node) {
        if (node == null) return false;
        if (!node.isBoolean()) error("generate", "must be true or false");
        return node.asBoolean();
    }

    private Condition condition(JsonNode node) {
        if (node == null || !node.isObject()) {
            error("correlation.condition", "missing: a mapping of gt, gte, lt, lte, eq or neq to a number");
            return null;
        }
        List<Condition.Bound> bounds = new ArrayList<>();
        int errorsBefore = errors.size();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getKey().equals("field")) continue;
            Condition.Operator op = Condition.Operator.of(e.getKey());
            if (op == null) {
                error("correlation.condition." + e.getKey(), "unknown operator (expected gt, gte, lt, lte, eq, neq or field)");
            } else if (!e.getValue().isNumber()) {
                error("correlation.condition." + e.getKey(), "must be a number");
            } else {
                bounds.add(new Condition.Bound(op, e.getValue().asDouble()));
            }
        }
        if (errors.size() > errorsBefore) return null;
        if (bounds.isEmpty()) {
            error("correlation.condition", "needs at least one of gt, gte, lt, lte, eq, neq");
            return null;
        }
        return new Condition(bounds);
    }

    private List<String> conditionField(CorrelationType type, JsonNode condition) {
        if (condition == null || !condition.isObject()) return List.of();
        JsonNode field = condition.get("field");
        if (!type.aggregatesField()) {
            if (field != null) error("correlation.condition.field", "applies only to value_count, value_sum, value_avg and value_percentile");
            return List.of();
        }
        if (field == null) {
            error("correlation.condition.field", "missing: " + type.word() + " needs the field it aggregates");
            return List.of();
        }
        List<String> fields = strings("correlation.condition.field", field, true);
        if (fields.size() > 1 && type != CorrelationType.VALUE_COUNT) {
            error("correlation.condition.field", type.word() + " aggregates one field");
        }
        return fields;
    }

    private Duration duration(String where, JsonNode node) {
        if (node == null || !node.isTextual()) {
            error(where, "missing: a number followed by s, m, h or d (e.g. 90m)");
            return null;
        }
        String text = node.asText();
        Duration unit = text.isEmpty() ? null : switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(1);
            case 'm' -> Duration.ofMinutes(1);
            case 'h' -> Duration.ofHours(1);
            case 'd' -> Duration.ofDays(1);
            default -> null;
        };
        String digits = text.isEmpty() ? "" : text.substring(0, text.length() - 1);
        if (unit == null || digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)
                || Long.parseLong(digits) == 0) {
            error(where, "'" + text + "' is not a positive number followed by s, m, h or d (e.g. 90m)");
            return null;
        }
        return unit.multipliedBy(Long.parseLong(digits));
    }

    /** A string or a list of strings; {@code required} also refuses an empty list. */
    private List<String> strings(String where, JsonNode node, boolean required) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            if (required) error(where, "missing");
            return out;
        }
        if (node.isValueNode()) {
            out.add(node.asText());
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                if (item.isValueNode() && !item.isNull() && !item.asText().isEmpty()) out.add(item.asText());
                else error(where, "must list names, found " + item);
            }
        } else {
            error(where, "must be a name or a list of names");
        }
        if (required && out.isEmpty() && node.isArray()) error(where, "must not be empty");
        return out;
    }

    private void error(String where, String message) {
        errors.add(new RuleError(info.file(), lines.lineOf(info, where), where + ": " + message));
    }
}
