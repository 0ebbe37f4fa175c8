package dev.picket.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.rule.Severity;

import java.time.Instant;
import java.util.List;

/**
 * Alerts on one entity (a workload, or a principal) close together in time.
 *
 * @param entity   the entity's fields, as the alerts name it
 * @param title    the most severe alert's rule title and the entity
 * @param severity the highest severity of its alerts
 * @param tactics  the ATT&CK tactics its alerts carry, in matrix order
 * @param assignee who works it, or null
 */
public record Incident(String id, ObjectNode entity, String title, Severity severity, List<String> tactics,
                       Instant first, Instant last, int alertCount, Status status,
                       String assignee) {
    public Incident {
        tactics = List.copyOf(tactics);
    }
}
