package dev.picket.io.decode;

import dev.picket.engine.event.Event;
import dev.picket.engine.event.Origin;

import java.time.Clock;

/**
 * sshd lines of a syslog file (auth.log, secure, messages). Lines of other programs are valid
 * input and skipped; lines that are not syslog at all are errors.
 */
final class SyslogDecoder implements Decoder<String> {
    private final Clock clock;

    SyslogDecoder(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Event decode(String line, Origin origin) throws DecodeException {
        SyslogLine parsed = SyslogLine.parse(line, clock);
        if (parsed == null) throw new DecodeException("not a syslog line: " + Fields.quote(line));
        if (!SshdMessage.isSshd(parsed.program())) return null;
        return SshdMessage.event(parsed.time(), parsed.host(), parsed.pid(), parsed.message(), origin);
    }
}
