package dev.picket.server.reload;

import dev.picket.engine.rule.Severity;

import java.util.List;

/**
 * A rule as the configuration adjusts it, without editing the rule: {@code disabled} drops its
 * alerts, {@code severity} (null: the rule's) replaces its level, {@code tags} are added to the
 * alert's {@code tags}.
 */
public record RuleOverride(boolean disabled, Severity severity, List<String> tags) {
    public RuleOverride {
        tags = List.copyOf(tags);
    }
}
