package dev.picket.engine.sigma;

import dev.picket.engine.event.LogSource;
import dev.picket.engine.rule.RuleInfo;
import dev.picket.engine.rule.Severity;
import dev.picket.engine.sigma.parse.RuleSyntaxException;
import dev.picket.engine.sigma.parse.YamlList;
import dev.picket.engine.sigma.parse.YamlMap;
import dev.picket.engine.sigma.parse.YamlNode;
import dev.picket.engine.sigma.parse.YamlScalar;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads the descriptive fields shared by rules, filters and correlations into a {@link RuleInfo}. */
final class RuleInfoReader {
    /** A rule that states no level is of medium severity. */
    static final Severity DEFAULT_LEVEL = Severity.MEDIUM;

    private RuleInfoReader() {}

    /**
     * @param needsLogSource rules and filters must state one; correlations have none
     * @return the info, or null when a field is unusable (each problem reported)
     */
    static RuleInfo read(YamlMap doc, String file, boolean needsLogSource, Consumer<RuleSyntaxException> errors) {
        List<RuleSyntaxException> found = new ArrayList<>();
        Consumer<RuleSyntaxException> sink = e -> {
            found.add(e);
            errors.accept(e);
        };
        String title = text(doc, "title", true, sink);
        String id = text(doc, "id", false, sink);
        String name = text(doc, "name", false, sink);
        String description = text(doc, "description", false, sink);
        String remediation = text(doc, "remediation", false, sink);
        Severity level = DEFAULT_LEVEL;
        String levelText = text(doc, "level", false, sink);
        if (levelText != null) {
            try {
                level = Severity.parse(levelText);
            } catch (IllegalArgumentException e) {
                sink.accept(new RuleSyntaxException(doc.entry("level").line(), e.getMessage()));
            }
        }
        List<String> tags = texts(doc, "tags", sink);
        List<String> falsepositives = texts(doc, "falsepositives", sink);
        List<String> references = texts(doc, "references", sink);
        LogSource logSource = needsLogSource ? logSource(doc, sink) : null;
        if (!found.isEmpty()) return null;
        return new RuleInfo(id, name, title, description, level, tags, falsepositives, references,
                remediation, logSource, file, doc.line(), doc.toJson());
    }

    private static LogSource logSource(YamlMap doc, Consumer<RuleSyntaxException> errors) {
        YamlMap.Entry entry = doc.entry("logsource");
        if (entry == null) {
            errors.accept(new RuleSyntaxException(doc.line(), "missing logsource"));
            return null;
        }
        if (!(entry.value() instanceof YamlMap map)) {
            errors.accept(new RuleSyntaxException(entry.line(), "logsource must be a map"));
            return null;
        }
        return new LogSource(text(map, "product", false, errors), text(map, "category", false, errors),
                text(map, "service", false, errors));
    }

    /** A scalar field as text; numbers are accepted where strings are expected (ids). */
    static String text(YamlMap map, String key, boolean required, Consumer<RuleSyntaxException> errors) {
        YamlMap.Entry entry = map.entry(key);
        if (entry == null || entry.value() instanceof YamlScalar s && s.isNull()) {
            if (required) errors.accept(new RuleSyntaxException(entry == null ? map.line() : entry.line(), "missing " + key));
            return null;
        }
        if (!(entry.value() instanceof YamlScalar s) || s.type() == YamlScalar.Type.BOOLEAN) {
            errors.accept(new RuleSyntaxException(entry.line(), key + " must be a string, not " + entry.value().kind()));
            return null;
        }
        return s.text();
    }

    /** A string or a list of strings. */
    static List<String> texts(YamlMap map, String key, Consumer<RuleSyntaxException> errors) {
        YamlMap.Entry entry = map.entry(key);
        if (entry == null) return List.of();
        YamlNode value = entry.value();
        List<String> out = new ArrayList<>();
        List<YamlNode> items = value instanceof YamlList list ? list.items() : List.of(value);
        for (YamlNode item : items) {
            if (item instanceof YamlScalar s && !s.isNull()) {
                out.add(s.text());
            } else if (!(item instanceof YamlScalar)) {
                errors.accept(new RuleSyntaxException(item.line(), key + " must be a list of strings"));
            }
        }
        return out;
    }
}
