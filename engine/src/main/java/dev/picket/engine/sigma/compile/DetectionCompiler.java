package dev.picket.engine.sigma.compile;

import dev.picket.engine.sigma.condition.Condition;
import dev.picket.engine.sigma.condition.ConditionParser;
import dev.picket.engine.sigma.condition.ConditionSyntaxException;
import dev.picket.engine.sigma.parse.RuleSyntaxException;
import dev.picket.engine.sigma.parse.YamlList;
import dev.picket.engine.sigma.parse.YamlMap;
import dev.picket.engine.sigma.parse.YamlNode;
import dev.picket.engine.sigma.parse.YamlScalar;
import dev.picket.engine.sigma.value.SigmaString;
import dev.picket.engine.sigma.value.StringMatcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Compiles a detection section (a rule's {@code detection}, a filter's {@code filter}): each
 * search identifier into a matcher, then the condition over them. Every problem is reported with
 * its line; a section with any problem gives no matcher.
 */
public final class DetectionCompiler {
    private final ValueCompiler values;

    public DetectionCompiler(ValueCompiler values) {
        this.values = values;
    }

    /**
     * @param selections the search identifiers, in document order
     * @param condition  the condition node (a string or a list of strings), or null when missing
     * @param line       the section's line, for a missing condition
     * @param errors     receives each problem
     * @return the matcher, or null when there were errors
     */
    public Matcher compile(List<YamlMap.Entry> selections, YamlNode condition, int line,
                           Consumer<RuleSyntaxException> errors) {
        Counting counting = new Counting(errors);
        Map<String, Matcher> compiled = new LinkedHashMap<>();
        for (YamlMap.Entry s : selections) {
            try {
                compiled.put(s.key(), selection(s.value()));
            } catch (RuleSyntaxException e) {
                counting.accept(e);
                compiled.put(s.key(), null);
            }
        }
        if (condition == null) {
            counting.accept(new RuleSyntaxException(line, "missing condition"));
            return null;
        }
        Matcher result = null;
        try {
            result = condition(condition, compiled);
        } catch (RuleSyntaxException e) {
            counting.accept(e);
        }
        return counting.count > 0 ? null : result;
    }

    private static final class Counting implements Consumer<RuleSyntaxException> {
        final Consumer<RuleSyntaxException> target;
        int count;

        Counting(Consumer<RuleSyntaxException> target) {
            this.target = target;
        }

        @Override
        public void accept(RuleSyntaxException e) {
            count++;
            target.accept(e);
        }
    }

    /** A map is an AND of its entries; a list an OR of its items; a bare value a keyword. */
    private Matcher selection(YamlNode node) {
        if (node instanceof YamlMap map) {
            if (map.entries().isEmpty()) throw new RuleSyntaxException(map.line(), "empty search identifier");
            List<Matcher> and = new ArrayList<>();
            for (YamlMap.Entry e : map.entries()) and.add(values.compile(e.key(), e.line(), e.value()));
            return Matcher.and(and);
        }
        if (node instanceof YamlList list) {
            if (list.items().isEmpty()) throw new RuleSyntaxException(list.line(), "empty search identifier");
            List<Matcher> or = new ArrayList<>();
            List<YamlNode> keywords = new ArrayList<>();
            for (YamlNode item : list.items()) {
                if (item instanceof YamlMap) {
                    or.add(selection(item));
                } else if (item instanceof YamlScalar) {
                    keywords.add(item);
                } else {
                    throw new RuleSyntaxException(item.line(), "a search identifier's list holds maps or values, not " + item.kind());
                }
            }
            if (!keywords.isEmpty()) or.add(values.compile("", list.line(), new YamlList(list.line(), keywords)));
            return Matcher.or(or);
        }
        YamlScalar scalar = (YamlScalar) node;
        if (scalar.isNull()) throw new RuleSyntaxException(scalar.line(), "empty search identifier");
        return values.compile("", scalar.line(), scalar);
    }

    /** A list of conditions is an OR of them. */
    private static Matcher condition(YamlNode node, Map<String, Matcher> selections) {
        List<YamlScalar> texts = new ArrayList<>();
        if (node instanceof YamlScalar s && s.type() == YamlScalar.Type.STRING) {
            texts.add(s);
        } else if (node instanceof YamlList list && !list.items().isEmpty()) {
            for (YamlNode item : list.items()) {
                if (!(item instanceof YamlScalar s) || s.type() != YamlScalar.Type.STRING) {
                    throw new RuleSyntaxException(item.line(), "a condition must be a string");
                }
                texts.add(s);
            }
        } else {
            throw new RuleSyntaxException(node.line(), "condition must be a string or a list of strings, not " + node.kind());
        }
        List<Matcher> or = new ArrayList<>();
        for (YamlScalar text : texts) {
            try {
                or.add(resolve(ConditionParser.parse(text.text()), selections, text.line()));
            } catch (ConditionSyntaxException e) {
                throw new RuleSyntaxException(text.line(), e.getMessage());
            }
        }
        return Matcher.or(or);
    }

    private static Matcher resolve(Condition c, Map<String, Matcher> selections, int line) {
        return switch (c) {
            case Condition.And and -> Matcher.and(and.operands().stream().map(o -> resolve(o, selections, line)).toList());
            case Condition.Or or -> Matcher.or(or.operands().stream().map(o -> resolve(o, selections, line)).toList());
            case Condition.Not not -> new Matcher.Not(resolve(not.operand(), selections, line));
            case Condition.Ref ref -> {
                if (!selections.containsKey(ref.name())) {
                    throw new RuleSyntaxException(line, "unknown search identifier '" + ref.name()
                            + "' in condition (defined: " + String.join(", ", selections.keySet()) + ")");
                }
                yield selections.get(ref.name());
            }
            case Condition.Quantified q -> {
                List<Matcher> chosen = new ArrayList<>();
                StringMatcher pattern = q.pattern() == null ? null : StringMatcher.of(SigmaString.parse(q.pattern()), true);
                for (Map.Entry<String, Matcher> e : selections.entrySet()) {
                    if (quantifies(q.pattern(), pattern, e.getKey())) chosen.add(e.getValue());
                }
                if (chosen.isEmpty()) {
                    throw new RuleSyntaxException(line, "'" + (q.all() ? "all" : "1") + " of "
                            + (q.pattern() == null ? "them" : q.pattern()) + "' matches no search identifier");
                }
                yield q.all() ? Matcher.and(chosen) : Matcher.or(chosen);
            }
        };
    }

    /**
     * {@code them} covers every identifier not starting with {@code _}; a pattern covers the
     * identifiers it matches, those starting with {@code _} only when the pattern does too.
     */
    private static boolean quantifies(String text, StringMatcher pattern, String name) {
        if (name.startsWith("_") && (text == null || !text.startsWith("_"))) return false;
        return pattern == null || pattern.matches(name);
    }
}
