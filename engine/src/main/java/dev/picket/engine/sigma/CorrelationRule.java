package dev.picket.engine.sigma;

import dev.picket.engine.rule.RuleInfo;
import dev.picket.engine.sigma.parse.YamlMap;
import dev.picket.engine.sigma.parse.YamlNode;

import java.util.List;

/**
 * A Sigma correlation rule as read: its info and its document with line numbers, for the
 * correlation engine to compile and to report FILE:LINE errors against.
 *
 * @param rules    the rule ids or names under {@code correlation.rules}
 * @param generate {@code generate: true}: the referenced rules also alert on their own
 */
public record CorrelationRule(RuleInfo info, YamlMap document, List<String> rules, boolean generate) {
    public CorrelationRule {
        rules = List.copyOf(rules);
    }

    /**
     * The line of a dotted key path ({@code correlation.condition.gte}), or of the deepest key on
     * the path that exists, or of the document.
     */
    public int lineOf(String keyPath) {
        int line = document.line();
        YamlNode node = document;
        for (String key : keyPath.split("\\.")) {
            YamlMap.Entry entry = node instanceof YamlMap map ? map.entry(key) : null;
            if (entry == null) break;
            line = entry.line();
            node = entry.value();
        }
        return line;
    }

    /** The {@code correlation:} section. */
    public YamlMap section() {
        return (YamlMap) document.get("correlation");
    }
}
