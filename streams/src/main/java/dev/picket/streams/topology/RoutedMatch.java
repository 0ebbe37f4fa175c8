package dev.picket.streams.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.event.Event;
import dev.picket.engine.event.LogSource;
import dev.picket.engine.event.Origin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the detection stage sends to the correlation stage: one decoded event and the ids of the
 * rules it matched that feed the event's correlation component. The event travels decoded, with its
 * log source, time and origin, so the correlation stage neither decodes again nor depends on the
 * input format.
 */
public record RoutedMatch(List<String> ruleIds, Event event) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public RoutedMatch {
        ruleIds = List.copyOf(ruleIds);
    }

    public byte[] encode() {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode rules = o.putArray("rules");
        ruleIds.forEach(rules::add);
        LogSource source = event.logSource();
        o.put("product", source.product());
        o.put("category", source.category());
        o.put("service", source.service());
        o.put("time", event.time().toString());
        o.put("source", event.origin().source());
        o.put("line", event.origin().line());
        o.put("cluster", event.origin().cluster());
        o.set("event", event.root());
        try {
            return JSON.writeValueAsBytes(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException when the bytes are not an encoded routed match */
    public static RoutedMatch decode(byte[] bytes) {
        try {
            JsonNode o = JSON.readTree(bytes);
            List<String> rules = new ArrayList<>();
            o.path("rules").forEach(r -> rules.add(r.asText()));
            LogSource source = new LogSource(text(o, "product"), text(o, "category"), text(o, "service"));
            Origin origin = new Origin(o.path("source").asText(), o.path("line").asLong(), text(o, "cluster"));
            JsonNode event = o.get("event");
            if (!(event instanceof ObjectNode root)) throw new IllegalArgumentException("routed match without an event");
            return new RoutedMatch(rules, new Event(source, Instant.parse(o.path("time").asText()), origin, root));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a routed match: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
