package dev.picket.engine.correlation;

import dev.picket.engine.rule.RuleError;
import dev.picket.engine.rule.RuleInfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The correlation rules of a rule set, checked as a whole: references resolve, chains have no
 * cycles, and it is known which rules stay silent because only their correlations may speak.
 */
public final class Correlations {
    private final List<Correlation> rules;
    private final Set<RuleInfo> silent;

    private Correlations(List<Correlation> rules, Set<RuleInfo> silent) {
        this.rules = List.copyOf(rules);
        this.silent = silent;
    }

    /**
     * Parses every rule whose document has a {@code correlation} section. Problems are added to
     * {@code errors} ({@code FILE:LINE: ...}); the rules without problems are kept.
     *
     * @param all   every loaded rule, detection and correlation: references resolve among them
     * @param lines where the keys of each rule stand, for the errors
     */
    public static Correlations compile(List<RuleInfo> all, KeyLines lines, List<RuleError> errors) {
        Map<String, RuleInfo> byReference = new HashMap<>();
        for (RuleInfo rule : all) if (rule.id() != null) byReference.put(rule.id(), rule);
        for (RuleInfo rule : all) if (rule.name() != null) byReference.put(rule.name(), rule); // names win

        Map<RuleInfo, Correlation> parsed = new IdentityHashMap<>();
        List<Correlation> inOrder = new ArrayList<>();
        for (RuleInfo rule : all) {
            if (!CorrelationParser.isCorrelation(rule)) continue;
            Correlation correlation = CorrelationParser.parse(rule, byReference, lines, errors);
            if (correlation != null) {
                parsed.put(rule, correlation);
                inOrder.add(correlation);
            }
        }
        List<Correlation> acyclic = new ArrayList<>();
        for (Correlation rule : inOrder) {
            if (reaches(rule, rule.info(), parsed, identitySet())) {
                errors.add(new RuleError(rule.info().file(), lines.lineOf(rule.info(), "correlation.rules"),
                        "correlation.rules: the chain of correlations leads back to this rule"));
            } else {
                acyclic.add(rule);
            }
        }
        return new Correlations(acyclic, silent(acyclic));
    }

    /** True when following references from {@code from} arrives at {@code target}. */
    private static boolean reaches(Correlation from, RuleInfo target, Map<RuleInfo, Correlation> parsed,
                                   Set<RuleInfo> seen) {
        for (RuleInfo referenced : from.rules()) {
            if (referenced == target) return true;
            Correlation next = parsed.get(referenced);
            if (next != null && seen.add(referenced) && reaches(next, target, parsed, seen)) return true;
        }
        return false;
    }

    /**
     * Rules referenced only by correlations that do not {@code generate}: per the specification
     * they serve their correlations and raise no alerts of their own. A rule that any referencing
     * correlation generates does speak.
     */
    private static Set<RuleInfo> silent(List<Correlation> rules) {
        Set<RuleInfo> referenced = identitySet();
        Set<RuleInfo> generated = identitySet();
        for (Correlation rule : rules) {
            referenced.addAll(rule.rules());
            if (rule.generate()) generated.addAll(rule.rules());
        }
        referenced.removeAll(generated);
        return referenced;
    }

    /** Rules are told apart by identity: the rule set hands out one instance per rule, and hashing a whole document per match would be wasted work. */
    private static Set<RuleInfo> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    public List<Correlation> rules() {
        return rules;
    }

    /** Whether the rule's own matches are withheld (it is referenced, and never with {@code generate: true}). */
    public boolean isSilent(RuleInfo rule) {
        return silent.contains(rule);
    }
}
