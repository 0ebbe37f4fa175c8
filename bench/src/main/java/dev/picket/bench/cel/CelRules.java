package dev.picket.bench.cel;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.AuditStage;
import dev.picket.engine.event.Event;
import dev.picket.engine.event.LogSource;
import dev.picket.engine.rule.RuleInfo;
import dev.picket.engine.sigma.DetectionRule;
import dev.picket.engine.sigma.RuleSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The straightforward baseline: every detection rule of a rule set compiled to a CEL program, and
 * each event offered to the programs of its log source (with the engine's audit-stage selection),
 * as a flattened map. Global Sigma filters join the rules they name as {@code && !(filter)}. Rules the translator does not cover are listed in {@link #untranslated()}.
 */
public final class CelRules {
    /** A rule left out of the baseline, and why. */
    public record Untranslated(String ruleId, String reason) {
    }

    private record Compiled(LogSource logsource, String ruleId, CelRuntime.Program program) {
    }

    private final List<Compiled> programs = new ArrayList<>();
    private final List<Untranslated> untranslated = new ArrayList<>();
    private final Map<LogSource, Compiled[]> bySource = new LinkedHashMap<>();

    public CelRules(RuleSet rules, Map<String, List<String>> placeholders) {
        Cel cel = CelFactory.standardCelBuilder()
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addCompilerLibraries(CelExtensions.strings())
                .addRuntimeLibraries(CelExtensions.strings())
                .addVar("e", MapType.create(SimpleType.STRING, ListType.create(SimpleType.STRING)))
                .build();
        SigmaToCel translator = new SigmaToCel(placeholders);
        Map<String, List<String>> exclusions = new LinkedHashMap<>();
        List<String> filterErrors = new ArrayList<>();
        for (RuleInfo filter : rules.filters()) {
            ObjectNode section = ((ObjectNode) filter.document().get("filter")).deepCopy();
            JsonNode targets = section.remove("rules");
            try {
                String expression = translator.translate(section);
                for (JsonNode target : targets.isArray() ? targets : List.of(targets)) {
                    exclusions.computeIfAbsent(target.asText(), k -> new ArrayList<>()).add("!(" + expression + ")");
                }
            } catch (SigmaToCel.Untranslatable e) {
                for (JsonNode target : targets.isArray() ? targets : List.of(targets)) {
                    exclusions.computeIfAbsent(target.asText(), k -> new ArrayList<>()).add(null);
                }
                filterErrors.add(filter.ruleId() + ": " + e.getMessage());
            }
        }
        for (DetectionRule rule : rules.detections()) {
            String id = rule.info().ruleId();
            try {
                String expression = translator.translate(rule.info().document().get("detection"));
                for (String key : new String[] {rule.info().id(), rule.info().name()}) {
                    for (String exclusion : key == null ? List.<String>of() : exclusions.getOrDefault(key, List.of())) {
                        if (exclusion == null) throw new SigmaToCel.Untranslatable("a filter of it: " + filterErrors);
                        expression = "(" + expression + ") && " + exclusion;
                    }
                }
                programs.add(new Compiled(rule.info().logsource(), id, cel.createProgram(cel.compile(expression).getAst())));
            } catch (SigmaToCel.Untranslatable e) {
                untranslated.add(new Untranslated(id, e.getMessage()));
            } catch (CelValidationException | CelEvaluationException e) {
                untranslated.add(new Untranslated(id, "CEL: " + e.getMessage()));
            }
        }
    }

    public int translated() {
        return programs.size();
    }

    public List<Untranslated> untranslated() {
        return List.copyOf(untranslated);
    }

    /** How many rules match the event. */
    public int evaluate(Event event) {
        return evaluate(event, id -> {});
    }

    /** Reports the id of each rule that matches the event; returns how many did. */
    public int evaluate(Event event, Consumer<String> matched) {
        Compiled[] applicable = bySource.computeIfAbsent(event.logSource(),
                s -> programs.stream().filter(p -> p.logsource().admits(s)).toArray(Compiled[]::new));
        if (applicable.length == 0 || !AuditStage.judged(event)) return 0;
        Map<String, Object> activation = Map.of("e", FlatEvent.of(event.root()));
        int count = 0;
        for (Compiled c : applicable) {
            try {
                if (Boolean.TRUE.equals(c.program().eval(activation))) {
                    count++;
                    matched.accept(c.ruleId());
                }
            } catch (CelEvaluationException e) {
                // A value of the wrong shape for one rule (a number that is not one) does not stop the others.
            }
        }
        return count;
    }
}
