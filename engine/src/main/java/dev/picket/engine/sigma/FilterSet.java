package dev.picket.engine.sigma;

import dev.picket.engine.event.Event;
import dev.picket.engine.rule.RuleError;
import dev.picket.engine.rule.RuleInfo;
import dev.picket.engine.rule.RuleLoadException;
import dev.picket.engine.sigma.parse.RuleSyntaxException;
import dev.picket.engine.sigma.parse.YamlException;
import dev.picket.engine.sigma.parse.YamlMap;
import dev.picket.engine.sigma.parse.YamlNode;
import dev.picket.engine.sigma.parse.YamlReader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Sigma global filters compiled against a rule set but kept apart from it: where the rule set's own
 * filters drop a match, these only say which filter a match falls under, so a caller can keep the
 * match and mark it (suppressions people want to count and review, not lose). Immutable.
 */
public final class FilterSet {
    private final List<SigmaFilter> filters;
    /** Filters by the {@link RuleInfo#ruleId()} of each rule they name. */
    private final Map<String, List<SigmaFilter>> byRule;

    private FilterSet(List<SigmaFilter> filters, Map<String, List<SigmaFilter>> byRule) {
        this.filters = List.copyOf(filters);
        this.byRule = byRule;
    }

    /**
     * Compiles filter files (name to YAML text, each possibly of several documents) whose
     * {@code filter.rules} name detection rules of {@code rules}.
     *
     * @throws RuleLoadException with every error of every file: a document that is no filter, a
     *                           filter that does not compile, a rule that is not a detection rule of the set
     */
    public static FilterSet compile(RuleSet rules, Map<String, String> files) throws RuleLoadException {
        List<RuleError> errors = new ArrayList<>();
        List<SigmaFilter> filters = new ArrayList<>();
        Map<String, List<SigmaFilter>> byRule = new HashMap<>();
        DocumentCompiler compiler = new DocumentCompiler(rules.placeholders());
        files.forEach((name, text) -> {
            List<YamlNode> documents;
            try {
                documents = YamlReader.read(text);
            } catch (YamlException e) {
                errors.add(new RuleError(name, e.line(), e.getMessage()));
                documents = e.documentsBefore();
            }
            Consumer<RuleSyntaxException> sink = e -> errors.add(new RuleError(name, e.line(), e.getMessage()));
            for (YamlNode document : documents) {
                if (!(document instanceof YamlMap doc) || doc.entry("filter") == null) {
                    sink.accept(new RuleSyntaxException(document.line(), "a filter file holds only Sigma filters (documents with filter:)"));
                    continue;
                }
                SigmaFilter filter = compiler.filter(doc, name, sink);
                if (filter == null) continue;
                filters.add(filter);
                for (SigmaFilter.Reference ref : filter.rules()) {
                    DetectionRule target = rules.detections().stream().filter(d -> d.info().isNamed(ref.rule())).findFirst().orElse(null);
                    if (target == null) {
                        sink.accept(new RuleSyntaxException(ref.line(), "filter refers to unknown rule '" + ref.rule() + "'"));
                    } else {
                        byRule.computeIfAbsent(target.info().ruleId(), k -> new ArrayList<>()).add(filter);
                    }
                }
            }
        });
        if (!errors.isEmpty()) throw new RuleLoadException(errors);
        return new FilterSet(filters, Map.copyOf(byRule));
    }

    /** The filters' descriptions (their whole documents included, for custom fields). */
    public List<RuleInfo> filters() {
        return filters.stream().map(SigmaFilter::info).toList();
    }

    /** The first filter of the rule (by the id its alerts carry) that admits the event and matches it. */
    public Optional<RuleInfo> matching(String ruleId, Event event) {
        List<SigmaFilter> candidates = byRule.get(ruleId);
        if (candidates == null) return Optional.empty();
        for (SigmaFilter f : candidates) {
            if (f.suppresses(event)) return Optional.of(f.info());
        }
        return Optional.empty();
    }
}
