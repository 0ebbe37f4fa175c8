package dev.picket.io.decode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.engine.event.Event;
import dev.picket.engine.event.LogSource;
import dev.picket.engine.event.Origin;

/**
 * Picket runtime events, the sensor's JSON lines: {@code category} names the Sigma log-source
 * category ({@code product: linux}), {@code time} is RFC 3339. The record is the event as it is.
 */
final class RuntimeDecoder implements Decoder<JsonRecord> {
    @Override
    public Event decode(JsonRecord record, Origin origin) throws DecodeException {
        String category = Fields.text(record.node(), "category");
        if (category == null) throw new DecodeException("runtime event has no 'category'");
        return new Event(LogSource.linux(category), Times.rfc3339(record.node(), "time"), origin, record.node());
    }

    static boolean looksLikeRuntime(JsonNode node) {
        return node.hasNonNull("category") && node.hasNonNull("time");
    }
}
