package dev.picket.engine.correlation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.picket.engine.Match;
import dev.picket.engine.event.Event;
import dev.picket.engine.event.LogSource;
import dev.picket.engine.event.Origin;
import dev.picket.engine.rule.RuleError;
import dev.picket.engine.rule.RuleInfo;
import dev.picket.engine.rule.RuleLoadException;
import dev.picket.engine.rule.Severity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Correlation rules from YAML, fed with matches of their referenced rules by name, at times of
 * day on one date. Everything the correlator passes on is collected in {@link #out}.
 */
final class Fixture {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    final Map<String, RuleInfo> rules = new LinkedHashMap<>();
    final Correlations correlations;
    final SigmaCorrelator correlator;
    final List<Match> out = new ArrayList<>();

    private Fixture(List<RuleInfo> all, StateStore store, int maxGroups) throws RuleLoadException {
        for (RuleInfo rule : all) rules.put(rule.ruleId(), rule);
        correlations = compile(all);
        correlator = new SigmaCorrelator(correlations, store, maxGroups);
    }

    static Fixture of(String yaml) {
        return of(yaml, new InMemoryStateStore(), SigmaCorrelator.DEFAULT_MAX_GROUPS);
    }

    static Fixture of(String yaml, StateStore store, int maxGroups) {
        try {
            return new Fixture(parse(yaml), store, maxGroups);
        } catch (RuleLoadException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static Correlations compile(List<RuleInfo> all) throws RuleLoadException {
        List<RuleError> errors = new ArrayList<>();
        Correlations correlations = Correlations.compile(all, KeyLines.RULE_LINE, errors);
        if (!errors.isEmpty()) throw new RuleLoadException(errors);
        return correlations;
    }

    /** The errors a rule file gives. */
    static List<String> errors(String yaml) {
        List<RuleError> errors = new ArrayList<>();
        Correlations.compile(parse(yaml), KeyLines.RULE_LINE, errors);
        return errors.stream().map(RuleError::toString).toList();
    }

    /** One rule per YAML document, read the way a rule set would: from "rules.yml" at the document's first line. */
    static List<RuleInfo> parse(String yaml) {
        List<RuleInfo> rules = new ArrayList<>();
        int line = 1;
        for (String document : yaml.split("(?m)^---$")) {
            try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(document)) {
                if (docs.hasNext()) {
                    ObjectNode doc = (ObjectNode) docs.next();
                    rules.add(new RuleInfo(text(doc, "id"), text(doc, "name"), text(doc, "title"), null,
                            doc.has("level") ? Severity.parse(doc.get("level").asText()) : Severity.MEDIUM,
                            List.of(), List.of(), List.of(), null, null, "rules.yml", line + leadingNewlines(document), doc));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            line += (int) document.chars().filter(c -> c == '\n').count();
        }
        return rules;
    }

    private static int leadingNewlines(String document) {
        int n = 0;
        while (n < document.length() && document.charAt(n) == '\n') n++;
        return n;
    }

    private static String text(ObjectNode doc, String field) {
        JsonNode node = doc.get(field);
        return node == null ? null : node.asText();
    }

    /** A match of the named rule on an event at {@code time} (HH:MM:SS) with the given field/value pairs. */
    Fixture match(String rule, String time, String... fieldValues) {
        correlator.accept(detection(rule, time, fieldValues), out::add);
        return this;
    }

    Match detection(String rule, String time, String... fieldValues) {
        RuleInfo info = rules.get(rule);
        if (info == null) throw new IllegalArgumentException("no rule " + rule);
        Event event = event(time, fieldValues);
        return new Match(info, event.time(), List.of(event), Map.of());
    }

    static Instant at(String time) {
        return Instant.parse("2026-03-01T" + time + "Z");
    }

    static Event event(String time, String... fieldValues) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < fieldValues.length; i += 2) root.put(fieldValues[i], fieldValues[i + 1]);
        root.put("time", time);
        return new Event(LogSource.linux("process_creation"), at(time), Origin.UNKNOWN, root);
    }

    /** What the named rule raised. */
    List<Match> alerts(String rule) {
        return out.stream().filter(m -> m.rule().ruleId().equals(rule)).toList();
    }
}
