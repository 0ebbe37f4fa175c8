package dev.picket.simulator.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Recorded telemetry of a run: one JSON line per event, {@code {"telemetry": "audit"|"runtime", "event": {...}}}.
 * {@link #tee} writes a recording while a run sends its events on; {@link #replay} sends a recording again
 * with every timestamp moved by the same amount, so the first event happens at the given instant.
 */
public final class Recording {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The time fields of each kind; audit times carry microseconds, runtime times are RFC 3339 too. */
    private static final List<String> AUDIT_TIMES = List.of("requestReceivedTimestamp", "stageTimestamp");
    private static final List<String> RUNTIME_TIMES = List.of("time");

    private Recording() {
    }

    /** A sink that writes each event to {@code out} (synchronised: stand-ins and sensors send from their own threads) and passes it on. */
    public static EventSink tee(Writer out, EventSink next) {
        return (kind, event) -> {
            ObjectNode line = JsonNodeFactory.instance.objectNode().put("telemetry", kind.name().toLowerCase());
            line.set("event", event.deepCopy());
            synchronized (out) {
                out.write(line + "\n");
                out.flush();
            }
            next.accept(kind, event);
        };
    }

    /**
     * Sends every recorded event to {@code sink}, shifted so the first recorded event happens at {@code start}.
     *
     * @param origin names the recording in errors, as {@code ORIGIN:LINE: reason}
     */
    public static int replay(BufferedReader in, String origin, Instant start, EventSink sink) throws IOException, InterruptedException {
        Duration shift = null;
        int lineNumber = 0;
        int sent = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            if (line.isBlank()) continue;
            JsonNode parsed;
            try {
                parsed = JSON.readTree(line);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IOException(origin + ":" + lineNumber + ": not JSON: " + e.getOriginalMessage());
            }
            EventSink.Telemetry kind = switch (parsed.path("telemetry").asText()) {
                case "audit" -> EventSink.Telemetry.AUDIT;
                case "runtime" -> EventSink.Telemetry.RUNTIME;
                default -> throw new IOException(origin + ":" + lineNumber + ": telemetry must be audit or runtime");
            };
            if (!(parsed.get("event") instanceof ObjectNode event)) {
                throw new IOException(origin + ":" + lineNumber + ": no event object");
            }
            List<String> fields = kind == EventSink.Telemetry.AUDIT ? AUDIT_TIMES : RUNTIME_TIMES;
            for (String field : fields) {
                if (!event.path(field).isTextual()) continue;
                Instant at;
                try {
                    at = Instant.parse(event.get(field).asText());
                } catch (RuntimeException e) {
                    throw new IOException(origin + ":" + lineNumber + ": " + field + " is not an RFC 3339 time");
                }
                if (shift == null) shift = Duration.between(at, start);
                event.set(field, TextNode.valueOf(at.plus(shift).toString()));
            }
            sink.accept(kind, event);
            sent++;
        }
        return sent;
    }
}
