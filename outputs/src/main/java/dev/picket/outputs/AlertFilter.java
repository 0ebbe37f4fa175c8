package dev.picket.outputs;

import dev.picket.engine.alert.Alert;
import dev.picket.engine.rule.Severity;

import java.util.Set;

/**
 * Which alerts an output takes: at least a severity, and, when the sets are not empty, only the
 * named rules and only alerts about the named namespaces.
 */
public record AlertFilter(Severity minSeverity, Set<String> rules, Set<String> namespaces) {
    public static final AlertFilter ALL = new AlertFilter(Severity.INFORMATIONAL, Set.of(), Set.of());

    public AlertFilter {
        rules = Set.copyOf(rules);
        namespaces = Set.copyOf(namespaces);
    }

    public boolean accepts(Alert alert) {
        return alert.severity().compareTo(minSeverity) >= 0
                && (rules.isEmpty() || rules.contains(alert.ruleId()))
                && (namespaces.isEmpty() || namespaces.contains(alert.entity().namespace()));
    }
}
