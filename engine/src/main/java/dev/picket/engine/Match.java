package dev.picket.engine;

import dev.picket.engine.event.Event;
import dev.picket.engine.rule.RuleInfo;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A rule that matched: the evidence (one event for a detection rule; the contributing events for a
 * correlation) and, for correlations, the group-by values.
 */
public record Match(RuleInfo rule, Instant time, List<Event> events, Map<String, String> groupBy) {
}
