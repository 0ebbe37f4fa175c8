package dev.picket.engine.correlation;

/**
 * Counters a server can export as metrics.
 *
 * @param openGroups groups with state right now, over all correlation rules
 * @param evictions  groups dropped because a rule reached its bound on open groups (since start)
 * @param late       matches ignored because they were older than their group's window when they arrived (since start)
 */
public record CorrelationStats(long openGroups, long evictions, long late) {
}
