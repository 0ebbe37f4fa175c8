package dev.picket.io.decode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.engine.event.Event;
import dev.picket.engine.event.Origin;

import java.nio.charset.StandardCharsets;

/**
 * The journal as {@code journalctl -o json} exports it. Entries of sshd ({@code SYSLOG_IDENTIFIER},
 * else {@code _COMM}) become sshd events; the rest of the journal is skipped. The time is
 * {@code __REALTIME_TIMESTAMP} (microseconds), the node {@code _HOSTNAME}.
 */
final class JournaldDecoder implements Decoder<JsonRecord> {
    @Override
    public Event decode(JsonRecord record, Origin origin) throws DecodeException {
        JsonNode entry = record.node();
        String program = Fields.text(entry, "SYSLOG_IDENTIFIER");
        if (program == null) program = Fields.text(entry, "_COMM");
        if (!SshdMessage.isSshd(program)) return null;
        JsonNode realtime = entry.get("__REALTIME_TIMESTAMP");
        if (realtime == null) throw new DecodeException("journal entry has no '__REALTIME_TIMESTAMP'");
        String pid = Fields.text(entry, "_PID");
        if (pid == null) pid = Fields.text(entry, "SYSLOG_PID");
        return SshdMessage.event(Times.epochMicros(realtime, "__REALTIME_TIMESTAMP"),
                Fields.text(entry, "_HOSTNAME"), pid, message(entry.get("MESSAGE")), origin);
    }

    static boolean looksLikeJournald(JsonNode node) {
        return node.has("__REALTIME_TIMESTAMP") && node.has("MESSAGE");
    }

    /** journalctl writes a message that is not valid UTF-8 as an array of byte values. */
    private static String message(JsonNode value) throws DecodeException {
        if (value == null || value.isNull()) throw new DecodeException("journal entry has no 'MESSAGE'");
        if (!value.isArray()) return value.asText();
        byte[] bytes = new byte[value.size()];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) value.get(i).intValue();
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
