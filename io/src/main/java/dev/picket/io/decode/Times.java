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
        Instant fast = utc(text);
        if (fast != null) return fast;
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw new DecodeException("'" + field + "' is not an RFC 3339 time: " + Fields.quote(text));
        }
    }

    /**
     * The form every supported source writes, {@code 2026-12-01T08:00:00.014000Z}, read without
     * the general parser (which costs as much as decoding the rest of an audit event); null for
     * anything else (offsets, out-of-range fields), which the general parser then judges.
     */
    static Instant utc(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1
                || day > java.time.YearMonth.of(year, month).lengthOfMonth() || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21; // between the '.' and the 'Z'
            if (s.charAt(19) != '.' || fraction < 1 || fraction > 9) return null;
            int value = digits(s, 20, fraction);
            if (value < 0) return null;
            nanos = value;
            for (int i = fraction; i < 9; i++) nanos *= 10;
        }
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal number in s[from, from+count), or -1 when a character is not a digit. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            value = value * 10 + (c - '0');
        }
        return value;
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
