package dev.picket.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.event.Event;
import dev.picket.engine.event.LogSource;
import dev.picket.engine.event.Origin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A small decoder for pipeline tests: JSON lines, each object needing a {@code time}. */
public final class TestDecoder implements BatchDecoder {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public DecodedBatch decode(Source source, byte[] body) {
        List<Event> events = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        String[] lines = new String(body, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            try {
                JsonNode node = JSON.readTree(lines[i]);
                if (!node.hasNonNull("time")) {
                    errors.add((i + 1) + ": missing time");
                    continue;
                }
                events.add(new Event(LogSource.linux("process_creation"), Instant.parse(node.get("time").asText()),
                        new Origin(source.label(), i + 1, null), (ObjectNode) node));
            } catch (Exception e) {
                errors.add((i + 1) + ": not JSON");
            }
        }
        return new DecodedBatch(events, errors);
    }
}
