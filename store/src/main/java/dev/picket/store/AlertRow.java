package dev.picket.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.rule.Severity;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The fields of an alert the store indexes, read from the alert's JSON (the alert contract). */
record AlertRow(String id, Instant time, Severity severity, String ruleId, String ruleTitle, String namespace,
                String cluster, List<String> techniques, List<String> tactics, ObjectNode entity, String suppressedBy,
                ObjectNode json) {

    static AlertRow of(ObjectNode alert) {
        String id = required(alert, "id");
        Instant time;
        try {
            time = Instant.parse(required(alert, "time"));
        } catch (DateTimeParseException e) {
            throw new StoreException("alert " + id + ": time is not an RFC 3339 time: " + alert.get("time").asText());
        }
        Severity severity;
        try {
            severity = Severity.parse(required(alert, "severity"));
        } catch (IllegalArgumentException e) {
            throw new StoreException("alert " + id + ": " + e.getMessage());
        }
        JsonNode rule = alert.path("rule");
        String ruleId = rule.path("id").asText("");
        if (ruleId.isEmpty()) throw new StoreException("alert " + id + ": missing rule.id");
        ObjectNode entity = alert.path("entity") instanceof ObjectNode e ? e : alert.objectNode();
        return new AlertRow(id, time, severity, ruleId, rule.path("title").asText(ruleId),
                text(entity, "namespace"), text(entity, "cluster"),
                strings(alert.path("attack").path("techniques")), strings(alert.path("attack").path("tactics")),
                entity, text(alert.path("suppressed"), "filter"), alert);
    }

    private static String required(ObjectNode alert, String field) {
        String value = alert.path(field).asText("");
        if (value.isEmpty()) {
            throw new StoreException("alert " + alert.path("id").asText("(without id)") + ": missing " + field);
        }
        return value;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }

    private static List<String> strings(JsonNode array) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        array.forEach(v -> out.add(v.asText()));
        return new ArrayList<>(out);
    }
}
