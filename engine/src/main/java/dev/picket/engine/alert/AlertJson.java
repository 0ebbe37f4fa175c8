package dev.picket.engine.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.attack.AttackLabels;
import dev.picket.engine.rule.Severity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alert JSON contract: nested objects {@code rule}, {@code attack}, {@code entity} (and
 * {@code groupBy} for correlations); {@code time} in RFC 3339 (UTC); fields without a value left out. {@link #line} gives the one-line form for JSON lines
 * output; {@link #read} reads an alert back (store, API clients).
 */
public final class AlertJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertJson() {
    }

    public static ObjectNode tree(Alert a) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", a.id());
        o.put("time", a.time().toString());
        o.putObject("rule").put("id", a.ruleId()).put("title", a.ruleTitle());
        o.put("severity", a.severity().word());
        ObjectNode attack = o.putObject("attack");
        a.attack().tactics().forEach(attack.putArray("tactics")::add);
        a.attack().techniques().forEach(attack.putArray("techniques")::add);
        o.set("entity", entity(a.entity()));
        putIfPresent(o, "description", a.description());
        putIfPresent(o, "remediation", a.remediation());
        ArrayNode evidence = o.putArray("evidence");
        a.evidence().forEach(evidence::add);
        if (!a.groupBy().isEmpty()) {
            ObjectNode groupBy = o.putObject("groupBy");
            a.groupBy().forEach(groupBy::put);
        }
        return o;
    }

    /** One line of JSON, no trailing newline. */
    public static String line(Alert a) {
        try {
            return JSON.writeValueAsString(tree(a));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an alert tree always serialises", e);
        }
    }

    /** @throws IllegalArgumentException when a required field is missing or malformed */
    public static Alert read(JsonNode o) {
        List<ObjectNode> evidence = new ArrayList<>();
        for (JsonNode e : o.path("evidence")) {
            if (e.isObject()) evidence.add((ObjectNode) e);
        }
        Map<String, String> groupBy = new LinkedHashMap<>();
        o.path("groupBy").properties().forEach(e -> groupBy.put(e.getKey(), e.getValue().asText()));
        JsonNode en = o.path("entity");
        JsonNode w = en.path("workload");
        Entity entity = new Entity(text(en, "cluster"), text(en, "namespace"),
                w.isObject() ? new Workload(text(w, "kind"), text(w, "name")) : null,
                text(en, "pod"), text(en, "container"), text(en, "image"), text(en, "node"), text(en, "user"),
                text(en, "sourceIp"));
        try {
            return new Alert(required(o, "id", "id"), Instant.parse(required(o, "time", "time")),
                    required(o.path("rule"), "id", "rule.id"),
                    text(o.path("rule"), "title"), Severity.parse(required(o, "severity", "severity")),
                    new AttackLabels(strings(o.path("attack").path("tactics")), strings(o.path("attack").path("techniques"))),
                    entity, evidence, groupBy, text(o, "description"), text(o, "remediation"));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("alert time is not RFC 3339: " + o.path("time").asText(), e);
        }
    }

    private static ObjectNode entity(Entity e) {
        ObjectNode o = JSON.createObjectNode();
        putIfPresent(o, "cluster", e.cluster());
        putIfPresent(o, "namespace", e.namespace());
        if (e.workload() != null) {
            o.putObject("workload").put("kind", e.workload().kind()).put("name", e.workload().name());
        }
        putIfPresent(o, "pod", e.pod());
        putIfPresent(o, "container", e.container());
        putIfPresent(o, "image", e.image());
        putIfPresent(o, "node", e.node());
        putIfPresent(o, "user", e.user());
        putIfPresent(o, "sourceIp", e.sourceIp());
        return o;
    }

    private static void putIfPresent(ObjectNode o, String field, String value) {
        if (value != null) o.put(field, value);
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** @param path the field's full path, for the message */
    private static String required(JsonNode o, String field, String path) {
        String v = text(o, field);
        if (v == null) throw new IllegalArgumentException("alert has no '" + path + "'");
        return v;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
