package dev.picket.engine.sigma;

import dev.picket.engine.correlation.Correlations;
import dev.picket.engine.rule.RuleInfo;
import dev.picket.engine.sigma.compile.DetectionCompiler;
import dev.picket.engine.sigma.compile.Matcher;
import dev.picket.engine.sigma.compile.ValueCompiler;
import dev.picket.engine.sigma.parse.RuleSyntaxException;
import dev.picket.engine.sigma.parse.YamlList;
import dev.picket.engine.sigma.parse.YamlMap;
import dev.picket.engine.sigma.parse.YamlNode;
import dev.picket.engine.sigma.parse.YamlScalar;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Compiles one Sigma document of each kind: a detection rule, a global filter, or the description
 * of a correlation rule. Problems go to the given sink with their lines; a document with problems
 * gives null.
 */
final class DocumentCompiler {
    private final Map<String, List<String>> placeholders;

    DocumentCompiler(Map<String, List<String>> placeholders) {
        this.placeholders = placeholders;
    }

    /** @param broken receives the info of a rule whose detection does not compile */
    DetectionRule detection(YamlMap doc, String file, Consumer<RuleSyntaxException> errors,
                            List<RuleInfo> broken) {
        RuleInfo info = RuleInfoReader.read(doc, file, true, errors);
        YamlMap.Entry detection = doc.entry("detection");
        if (detection == null || !(detection.value() instanceof YamlMap section)) {
            errors.accept(detection == null ? new RuleSyntaxException(doc.line(), "missing detection")
                    : new RuleSyntaxException(detection.line(), "detection must be a map"));
            if (info != null) broken.add(info);
            return null;
        }
        Set<String> fields = new HashSet<>();
        Matcher matcher = compile(section, Set.of("condition"), fields, errors);
        if (section.entry("timeframe") != null) {
            errors.accept(new RuleSyntaxException(section.entry("timeframe").line(),
                    "timeframe is not part of Sigma v2 detections; write a correlation rule"));
            matcher = null;
        }
        if (info != null && matcher == null) broken.add(info);
        return info == null || matcher == null ? null : new DetectionRule(info, matcher, fields.contains("stage"));
    }

    SigmaFilter filter(YamlMap doc, String file, Consumer<RuleSyntaxException> errors) {
        RuleInfo info = RuleInfoReader.read(doc, file, true, errors);
        YamlMap.Entry filter = doc.entry("filter");
        if (!(filter.value() instanceof YamlMap section)) {
            errors.accept(new RuleSyntaxException(filter.line(), "filter must be a map"));
            return null;
        }
        List<SigmaFilter.Reference> rules = new ArrayList<>();
        YamlMap.Entry rulesEntry = section.entry("rules");
        if (rulesEntry == null) {
            errors.accept(new RuleSyntaxException(filter.line(), "missing filter.rules (the rules to filter)"));
        } else {
            List<YamlNode> items = rulesEntry.value() instanceof YamlList list ? list.items() : List.of(rulesEntry.value());
            for (YamlNode item : items) {
                if (item instanceof YamlScalar s && !s.isNull() && s.type() != YamlScalar.Type.BOOLEAN) {
                    rules.add(new SigmaFilter.Reference(s.text(), s.line()));
                } else {
                    errors.accept(new RuleSyntaxException(item.line(), "filter.rules lists rule ids or names"));
                }
            }
            if (items.isEmpty()) errors.accept(new RuleSyntaxException(rulesEntry.line(), "filter.rules is empty"));
        }
        Matcher matcher = compile(section, Set.of("condition", "rules"), new HashSet<>(), errors);
        return info == null || matcher == null ? null : new SigmaFilter(info, matcher, rules);
    }

    private Matcher compile(YamlMap section, Set<String> reserved, Set<String> fields,
                            Consumer<RuleSyntaxException> errors) {
        List<YamlMap.Entry> selections = section.entries().stream()
                .filter(e -> !reserved.contains(e.key()) && !e.key().equals("timeframe")).toList();
        DetectionCompiler compiler = new DetectionCompiler(new ValueCompiler(placeholders, fields));
        return compiler.compile(selections, section.get("condition"), section.line(), errors);
    }

    /** A correlation's description; its {@code correlation} section is compiled with the others in {@link Correlations}. */
    static RuleInfo correlation(YamlMap doc, String file, Consumer<RuleSyntaxException> errors) {
        return RuleInfoReader.read(doc, file, false, errors);
    }
}
