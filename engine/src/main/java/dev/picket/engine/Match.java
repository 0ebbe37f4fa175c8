package dev.picket.engine;

import dev.picket.engine.event.Event;
import dev.picket.engine.rule.RuleInfo;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A rule that fired.
 *
 * @param time    the time of the (last) triggering event
 * @param events  the evidence: the one event of a detection rule, the contributing events of a
 *                correlation
 * @param groupBy a correlation's group-by field values; empty for detection rules
 */
public record Match(RuleInfo rule, Instant time, List<Event> events, Map<String, String> groupBy) {
    public Match {
        events = List.copyOf(events);
        groupBy = Map.copyOf(groupBy);
    }

    /** The match of a detection rule on one event. */
    public static Match detection(RuleInfo rule, Event event) {
        return new Match(rule, event.time(), List.of(event), Map.of());
    }
}
