package dev.picket.engine.testing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.event.Event;
import dev.picket.engine.event.LogSource;
import dev.picket.engine.event.Origin;

import java.time.Instant;

/**
 * Events for tests, from JSON text. Single quotes are allowed so events read well inside Java
 * text blocks. The event time is taken from {@code time}, {@code stageTimestamp} or
 * {@code requestReceivedTimestamp} when present, else the epoch.
 */
public final class Events {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(JsonParser.Feature.ALLOW_SINGLE_QUOTES, true)
            .configure(JsonParser.Feature.ALLOW_UNQUOTED_FIELD_NAMES, true);

    private Events() {}

    /** A Kubernetes audit event ({@code product: kubernetes, service: audit, category: application}). */
    public static Event audit(String json) {
        return event(LogSource.KUBERNETES_AUDIT, json);
    }

    /** A Linux runtime event of the category ({@code process_creation}, {@code file_event}, ...). */
    public static Event linux(String category, String json) {
        return event(LogSource.linux(category), json);
    }

    public static Event event(LogSource source, String json) {
        ObjectNode root = object(json);
        return new Event(source, timeOf(root), new Origin("test", 1, null), root);
    }

    public static ObjectNode object(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (!(node instanceof ObjectNode object)) throw new IllegalArgumentException("not a JSON object: " + json);
            return object;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad test JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Instant timeOf(ObjectNode root) {
        for (String field : new String[] {"time", "stageTimestamp", "requestReceivedTimestamp"}) {
            JsonNode t = root.get(field);
            if (t != null && t.isTextual()) {
                try {
                    return Instant.parse(t.textValue());
                } catch (java.time.format.DateTimeParseException ignored) {
                    // not a time: try the next field
                }
            }
        }
        return Instant.EPOCH;
    }
}
