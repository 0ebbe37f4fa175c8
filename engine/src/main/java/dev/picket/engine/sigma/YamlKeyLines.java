package dev.picket.engine.sigma;

import dev.picket.engine.correlation.KeyLines;
import dev.picket.engine.rule.RuleInfo;
import dev.picket.engine.sigma.parse.YamlMap;
import dev.picket.engine.sigma.parse.YamlNode;

import java.util.IdentityHashMap;
import java.util.Map;

/** Key lines from the located YAML trees the rules were read from. */
final class YamlKeyLines implements KeyLines {
    private final Map<RuleInfo, YamlMap> documents = new IdentityHashMap<>();

    void put(RuleInfo rule, YamlMap document) {
        documents.put(rule, document);
    }

    @Override
    public int lineOf(RuleInfo rule, String keyPath) {
        YamlNode node = documents.get(rule);
        int line = rule.line();
        for (String key : keyPath.split("\\.")) {
            if (!(node instanceof YamlMap map) || map.entry(key) == null) break;
            line = map.entry(key).line();
            node = map.entry(key).value();
        }
        return line;
    }
}
