package dev.picket.io.decode;

import dev.picket.engine.event.Event;
import dev.picket.engine.event.Origin;

import java.time.Clock;

/**
 * sshd lines of a syslog file (auth.log, secure, messages) or of {@code journalctl}'s default
 * output. Lines of other programs and journalctl's {@code -- Boot … --} markers are valid input and
 * skipped; lines that are not syslog at all are errors.
 */
final class SyslogDecoder implements Decoder<String> {
    private final Clock clock;

    SyslogDecoder(Clock clock) {
        this.clock = clock;
    }

    /** True for a syslog line or a journalctl marker line. */
    static boolean isSyslog(String line, Clock clock) {
        return isMarker(line) || SyslogLine.parse(line, clock) != null;
    }

    /** journalctl's lines about the journal itself: "-- Logs begin at …", "-- Boot 3f2a… --", "-- No entries --". */
    private static boolean isMarker(String line) {
        return line.startsWith("-- ");
    }

    @Override
    public Event decode(String line, Origin origin) throws DecodeException {
        if (isMarker(line)) return null;
        SyslogLine parsed = SyslogLine.parse(line, clock);
        if (parsed == null) throw new DecodeException("not a syslog line: " + Fields.quote(line));
        if (!SshdMessage.isSshd(parsed.program())) return null;
        return SshdMessage.event(parsed.time(), parsed.host(), parsed.pid(), parsed.message(), origin);
    }
}
