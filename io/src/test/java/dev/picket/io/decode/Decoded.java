package dev.picket.io.decode;

import dev.picket.engine.event.Event;
import dev.picket.engine.event.FieldPath;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What reading a text produced, for tests. */
final class Decoded {
    /** Syslog years and zones in tests come from here: 10 March 2026, UTC. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);

    final List<Event> events = new ArrayList<>();
    final List<DecodeError> errors = new ArrayList<>();
    ReadSummary summary;

    static Decoded read(String text) {
        return read(DecodeSettings.defaults(CLOCK), text);
    }

    static Decoded read(DecodeSettings settings, String text) {
        return read(settings, text.getBytes(StandardCharsets.UTF_8));
    }

    static Decoded read(DecodeSettings settings, byte[] bytes) {
        Decoded d = new Decoded();
        try {
            d.summary = new InputReader(settings).read("test.log", new ByteArrayInputStream(bytes), d.events::add, d.errors::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return d;
    }

    /** The one event read, asserting there were no errors. */
    Event only() {
        assertThat(errors).isEmpty();
        assertThat(events).hasSize(1);
        return events.getFirst();
    }

    List<String> errorTexts() {
        return errors.stream().map(DecodeError::toString).toList();
    }

    static String text(Event e, String path) {
        return e.text(FieldPath.of(path));
    }
}
