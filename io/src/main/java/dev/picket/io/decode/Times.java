package dev.picket.io.decode;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.DateTimeException;
import java.time.Instant;

/** Time stamps as the supported formats write them. */
final class Times {
    private Times() {
    }

    /** An RFC 3339 time ({@code Z} or a numeric offset, any fraction) in the named field. */
    static Instant rfc3339(JsonNode record, String field) throws DecodeException {
        JsonNode value = record.get(field);
        if (value == null || !value.isTextual()) throw new DecodeException("missing time field '" + field + "'");
        return rfc3339(value.textValue(), field);
    }

    private static Instant rfc3339(String text, String field) throws DecodeException {
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw new DecodeException("'" + field + "' is not an RFC 3339 time: " + Fields.quote(text));
        }
    }

    /** Nanoseconds since the epoch, as a JSON number or a string of digits. */
    static Instant epochNanos(JsonNode value, String field) throws DecodeException {
        long nanos = Fields.longValue(value, field);
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /** Microseconds since the epoch, as a JSON number or a string of digits. */
    static Instant epochMicros(JsonNode value, String field) throws DecodeException {
        long micros = Fields.longValue(value, field);
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }
}
