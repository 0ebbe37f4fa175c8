package dev.picket.engine.sigma;

import dev.picket.engine.event.Event;
import dev.picket.engine.rule.RuleInfo;
import dev.picket.engine.sigma.compile.Matcher;

import java.util.List;

/**
 * A Sigma global filter: for the rules it names, an event of its log source that matches its
 * condition is not a match (the filter is ANDed to the rule's condition as {@code and not}).
 */
record SigmaFilter(RuleInfo info, Matcher matcher, List<Reference> rules) {

    /** A rule id or name as the filter writes it, with its line. */
    record Reference(String rule, int line) {}

    boolean suppresses(Event event) {
        return info.logsource().admits(event.logSource()) && matcher.matches(event);
    }
}
