package dev.picket.sensor.audit;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One kernel audit record: its type (the netlink message type), the event's time and serial from
 * {@code audit(SECONDS.MILLIS:SERIAL):}, and its {@code key=value} fields. Values the kernel treats
 * as untrusted (names, paths, arguments) come either quoted or, when they hold a space, a quote, a
 * control or non-ASCII byte, as unquoted hex; {@link #text} undoes both.
 */
public final class AuditRecord {
    public static final int SYSCALL = 1300;
    public static final int PATH = 1302;
    public static final int SOCKADDR = 1306;
    public static final int CWD = 1307;
    public static final int EXECVE = 1309;
    public static final int EOE = 1320;
    public static final int PROCTITLE = 1327;

    private final int type;
    private final long serial;
    private final long epochMillis;
    private final Map<String, String> raw;

    private AuditRecord(int type, long serial, long epochMillis, Map<String, String> raw) {
        this.type = type;
        this.serial = serial;
        this.epochMillis = epochMillis;
        this.raw = raw;
    }

    /** The record, or null when the text does not start with an {@code audit(…):} stamp. */
    public static AuditRecord parse(int type, String text) {
        if (!text.startsWith("audit(")) return null;
        int dot = text.indexOf('.', 6);
        int colon = text.indexOf(':', 6);
        int close = text.indexOf("):", 6);
        if (dot < 0 || colon < dot || close < colon) return null;
        long millis;
        long serial;
        try {
            millis = Long.parseLong(text, 6, dot, 10) * 1000 + Long.parseLong(text, dot + 1, colon, 10);
            serial = Long.parseLong(text, colon + 1, close, 10);
        } catch (NumberFormatException e) {
            return null;
        }
        return new AuditRecord(type, serial, millis, fields(text, close + 2));
    }

    /** {@code key=value} pairs; a value is "quoted", 'single quoted' (user-space messages) or runs to the next space. */
    private static Map<String, String> fields(String text, int from) {
        Map<String, String> fields = new HashMap<>();
        int i = from;
        int n = text.length();
        while (i < n) {
            while (i < n && text.charAt(i) == ' ') i++;
            int eq = text.indexOf('=', i);
            if (eq < 0) break;
            String key = text.substring(i, eq);
            int start = eq + 1;
            int end;
            if (start < n && (text.charAt(start) == '"' || text.charAt(start) == '\'')) {
                char quote = text.charAt(start);
                int closing = text.indexOf(quote, start + 1);
                end = closing < 0 ? n : closing + 1;
            } else {
                end = text.indexOf(' ', start);
                if (end < 0) end = n;
            }
            fields.put(key, text.substring(start, end));
            i = end;
        }
        return fields;
    }

    public int type() {
        return type;
    }

    public long serial() {
        return serial;
    }

    public long epochMillis() {
        return epochMillis;
    }

    /** The value as written, or null when the field is absent. */
    public String raw(String key) {
        return raw.get(key);
    }

    /** An untrusted string field: unquoted, or hex-decoded; null when absent or {@code (null)}. */
    public String text(String key) {
        String value = raw.get(key);
        if (value == null || value.equals("(null)") || value.equals("(none)")) return null;
        if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
            return value.substring(1, value.length() - 1);
        }
        byte[] bytes = hex(value);
        return bytes == null ? value : new String(bytes, StandardCharsets.UTF_8);
    }

    /** A decimal field, or {@code fallback} when absent or not a number. */
    public long number(String key, long fallback) {
        String value = raw.get(key);
        if (value == null) return fallback;
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** A hexadecimal field (syscall arguments {@code a0}…), or {@code fallback}. */
    public long hexNumber(String key, long fallback) {
        String value = raw.get(key);
        if (value == null) return fallback;
        try {
            return Long.parseUnsignedLong(value, 16);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The bytes of a hex string, or null when it is not one. */
    public static byte[] hex(String value) {
        if (value == null || value.isEmpty() || value.length() % 2 != 0) return null;
        byte[] out = new byte[value.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(value.charAt(2 * i), 16);
            int lo = Character.digit(value.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) return null;
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    @Override
    public String toString() {
        return "audit record " + type + " #" + serial;
    }
}
