package dev.picket.engine.sigma;

import dev.picket.engine.correlation.Correlations;
import dev.picket.engine.event.LogSource;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Compiled Sigma content: detection rules, global filters and correlation rules. Immutable and
 * safe to share; evaluation goes through a {@link Detector} (one per thread).
 */
public final class RuleSet {
    private final List<DetectionRule> detections;
    private final List<SigmaFilter> filters;
    private final Correlations correlations;
    private final List<RuleInfo> infos;
    private final Map<String, List<String>> placeholders;
    /**
     * Log sources come from input (a runtime event names its own category), so the groups kept
     * are bounded: past this many distinct sources, a group is built for the event and dropped.
     */
    private static final int MAX_CACHED_GROUPS = 256;
    private final Map<LogSource, RuleGroup> indexed = new ConcurrentHashMap<>();
    private final Map<LogSource, RuleGroup> unindexed = new ConcurrentHashMap<>();

    private RuleSet(List<DetectionRule> detections, List<SigmaFilter> filters, List<RuleInfo> infos,
                    Correlations correlations, Map<String, List<String>> placeholders) {
        this.placeholders = placeholders;
        this.detections = List.copyOf(detections);
        this.filters = List.copyOf(filters);
        this.infos = List.copyOf(infos);
        this.correlations = correlations;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Detection rules then correlation rules, each in the order they were added. */
    public List<RuleInfo> rules() {
        return infos;
    }

    public List<DetectionRule> detections() {
        return detections;
    }

    /** The correlation rules, compiled: what the correlator runs. */
    public Correlations correlations() {
        return correlations;
    }

    /** The global filters' descriptions. */
    public List<RuleInfo> filters() {
        return filters.stream().map(SigmaFilter::info).toList();
    }

    /** The detection or correlation rule with this id or name, or null. */
    public RuleInfo rule(String reference) {
        for (RuleInfo info : infos) {
            if (info.isNamed(reference)) return info;
        }
        return null;
    }

    /** The placeholder values the rules were compiled with: filters compiled later use them too. */
    Map<String, List<String>> placeholders() {
        return placeholders;
    }

    /** A new detector over these rules, using the literal index. */
    public Detector detector() {
        return new Detector(this, true);
    }

    /** A detector that offers every event to every rule of its log source: the index's reference. */
    Detector detectorWithoutIndex() {
        return new Detector(this, false);
    }

    RuleGroup group(LogSource source, boolean useIndex) {
        Map<LogSource, RuleGroup> groups = useIndex ? indexed : unindexed;
        RuleGroup group = groups.get(source);
        if (group != null) return group;
        if (groups.size() >= MAX_CACHED_GROUPS) return newGroup(source, useIndex);
        return groups.computeIfAbsent(source, s -> newGroup(s, useIndex));
    }

    private RuleGroup newGroup(LogSource source, boolean useIndex) {
        return new RuleGroup(detections.stream().filter(d -> d.info().logsource().admits(source)).toList(), useIndex);
    }

    /** Collects rule files, then compiles them all at once. */
    public static final class Builder {
        private record Source(String name, List<YamlNode> documents) {}

        private final List<Source> sources = new ArrayList<>();
        private final List<RuleError> errors = new ArrayList<>();
        private Map<String, List<String>> placeholders = Map.of();

        private Builder() {}

        /** A file's text, possibly of several YAML documents; {@code sourceName} names it in errors. */
        public Builder add(String sourceName, String yamlText) {
            try {
                sources.add(new Source(sourceName, YamlReader.read(yamlText)));
            } catch (YamlException e) {
                errors.add(new RuleError(sourceName, e.line(), e.getMessage()));
                sources.add(new Source(sourceName, e.documentsBefore()));
            }
            return this;
        }

        /** Values for the {@code expand} modifier's {@code %name%} placeholders. */
        public Builder placeholders(Map<String, List<String>> placeholders) {
            Map<String, List<String>> copy = new HashMap<>();
            placeholders.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            this.placeholders = Map.copyOf(copy);
            return this;
        }

        /** @throws RuleLoadException with every error of every file, when there is any */
        public RuleSet build() throws RuleLoadException {
            List<RuleError> all = new ArrayList<>(errors);
            List<DetectionRule> detections = new ArrayList<>();
            List<SigmaFilter> filters = new ArrayList<>();
            List<RuleInfo> correlations = new ArrayList<>();
            YamlKeyLines keyLines = new YamlKeyLines();
            List<RuleInfo> broken = new ArrayList<>();
            DocumentCompiler documents = new DocumentCompiler(placeholders);
            for (Source source : sources) {
                Consumer<RuleSyntaxException> sink = e -> all.add(new RuleError(source.name, e.line(), e.getMessage()));
                for (YamlNode document : source.documents) {
                    if (!(document instanceof YamlMap doc)) {
                        sink.accept(new RuleSyntaxException(document.line(), "a Sigma document must be a map, not " + document.kind()));
                    } else if (doc.entry("correlation") != null) {
                        RuleInfo info = DocumentCompiler.correlation(doc, source.name, sink);
                        if (info != null) {
                            correlations.add(info);
                            keyLines.put(info, doc);
                        }
                    } else if (doc.entry("filter") != null) {
                        add(filters, documents.filter(doc, source.name, sink));
                    } else {
                        add(detections, documents.detection(doc, source.name, sink, broken));
                    }
                }
            }
            List<RuleInfo> infos = new ArrayList<>();
            detections.forEach(d -> infos.add(d.info()));
            infos.addAll(correlations);
            // Rules whose detection did not compile still resolve references: one error per mistake.
            List<RuleInfo> known = new ArrayList<>(infos);
            known.addAll(broken);
            checkUnique(known, all);
            attachFilters(detections, broken, filters, all);
            Correlations compiled = Correlations.compile(known, keyLines, all);
            if (!all.isEmpty()) throw new RuleLoadException(inFileOrder(all));
            return new RuleSet(detections, filters, infos, compiled, placeholders);
        }

        /** Errors by file, in the order files were added, then by line. */
        private List<RuleError> inFileOrder(List<RuleError> errors) {
            Map<String, Integer> order = new HashMap<>();
            for (Source s : sources) order.putIfAbsent(s.name, order.size());
            return errors.stream()
                    .sorted(java.util.Comparator.comparingInt((RuleError e) -> order.getOrDefault(e.file(), order.size()))
                            .thenComparingInt(RuleError::line))
                    .toList();
        }

        private static <T> void add(List<T> list, T item) {
            if (item != null) list.add(item);
        }

        /** Ids and names identify rules across all files, so each may be used once. */
        private static void checkUnique(List<RuleInfo> infos, List<RuleError> errors) {
            Map<String, RuleInfo> seen = new HashMap<>();
            for (RuleInfo info : infos) {
                Set<String> own = new HashSet<>();
                if (info.id() != null) own.add(info.id());
                if (info.name() != null) own.add(info.name());
                for (String key : own) {
                    RuleInfo first = seen.putIfAbsent(key, info);
                    if (first != null) {
                        errors.add(new RuleError(info.file(), info.line(), "rule id or name '" + key
                                + "' is already used by " + first.file() + ":" + first.line()));
                    }
                }
            }
        }

        private static void attachFilters(List<DetectionRule> detections, List<RuleInfo> broken,
                                          List<SigmaFilter> filters, List<RuleError> errors) {
            Map<DetectionRule, List<SigmaFilter>> byRule = new LinkedHashMap<>();
            for (SigmaFilter filter : filters) {
                for (SigmaFilter.Reference ref : filter.rules()) {
                    DetectionRule target = detections.stream().filter(d -> d.info().isNamed(ref.rule())).findFirst().orElse(null);
                    if (target == null && broken.stream().noneMatch(b -> b.isNamed(ref.rule()))) {
                        errors.add(new RuleError(filter.info().file(), ref.line(), "filter refers to unknown rule '" + ref.rule() + "'"));
                    } else if (target != null) {
                        byRule.computeIfAbsent(target, k -> new ArrayList<>()).add(filter);
                    }
                }
            }
            byRule.forEach(DetectionRule::filters);
        }
    }
}
