package dev.picket.engine.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.attack.AttackLabels;
import dev.picket.engine.rule.Severity;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One finding, as users, sinks and the store see it. {@code id} is the same whenever the same rule
 * fires on the same evidence, so re-processing an input does not duplicate alerts. {@code time} is the
 * triggering event's time. {@code evidence} holds the matching records with secrets redacted;
 * {@code groupBy}, for a correlation, the group-by values of the group that crossed its threshold
 * (empty otherwise). {@code description} and {@code remediation} come from the rule and may be null.
 */
public record Alert(String id, Instant time, String ruleId, String ruleTitle, Severity severity,
                    AttackLabels attack, Entity entity, List<ObjectNode> evidence, Map<String, String> groupBy,
                    String description, String remediation) {
    public Alert {
        evidence = List.copyOf(evidence);
        groupBy = Collections.unmodifiableMap(new LinkedHashMap<>(groupBy));
    }
}
