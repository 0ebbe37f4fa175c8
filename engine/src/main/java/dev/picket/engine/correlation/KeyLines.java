package dev.picket.engine.correlation;

import dev.picket.engine.rule.RuleInfo;

/**
 * Where a key of a rule document stands in its file, so errors name the line of the key at fault.
 * Key paths are dotted from the document root ({@code correlation.condition.gte}).
 */
@FunctionalInterface
public interface KeyLines {

    /** The line of the key, or of its nearest enclosing key that is known; the rule's line at worst. */
    int lineOf(RuleInfo rule, String keyPath);

    /** Knows no lines but the rules' own. */
    KeyLines RULE_LINE = (rule, keyPath) -> rule.line();
}
