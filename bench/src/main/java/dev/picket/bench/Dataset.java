package dev.picket.bench;

import dev.picket.engine.event.Event;
import dev.picket.io.decode.DecodeSettings;
import dev.picket.io.decode.InputReader;
import dev.picket.io.synth.BusyClusterAudit;
import dev.picket.io.synth.BusyNodeRuntime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One kind of generated input, held as the bytes a file or a webhook would deliver (JSON lines),
 * and decoded once for the measurements that start from events.
 */
public final class Dataset {
    private static final InputReader READER = new InputReader(DecodeSettings.defaults(Clock.systemUTC()));

    private final String name;
    private final byte[] bytes;
    private final int events;
    private final List<String> lines;

    private Dataset(String name, List<String> lines) {
        this.name = name;
        this.events = lines.size();
        this.lines = List.copyOf(lines);
        this.bytes = jsonLines(lines);
    }

    private static byte[] jsonLines(List<String> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(lines.size() * 1024);
        for (String line : lines) {
            out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        return out.toByteArray();
    }

    /** The data in consecutive pieces of {@code size} events, as JSON lines; events beyond the last whole piece are left out. */
    public List<byte[]> chunks(int size) {
        List<byte[]> out = new ArrayList<>();
        for (int from = 0; from + size <= events; from += size) out.add(jsonLines(lines.subList(from, from + size)));
        return out;
    }

    /** A busy cluster's audit log ({@link BusyClusterAudit}). */
    public static Dataset audit(int events, long seed) {
        return new Dataset("audit", BusyClusterAudit.generate(events, seed));
    }

    /** Busy nodes' runtime events ({@link BusyNodeRuntime}). */
    public static Dataset runtime(int events, long seed) {
        return new Dataset("runtime", BusyNodeRuntime.generate(events, seed));
    }

    public String name() {
        return name;
    }

    /** The JSON lines, newline-terminated. Shared: never modify. */
    public byte[] bytes() {
        return bytes;
    }

    public int events() {
        return events;
    }

    /** Decodes every line, as {@code picket detect} does, handing each event on. */
    public void decode(Consumer<Event> out) {
        decode(bytes, out);
    }

    /** Decodes JSON lines of this data set (all of it, or a chunk), handing each event on. */
    public void decode(byte[] jsonLines, Consumer<Event> out) {
        try {
            READER.read(name, new ByteArrayInputStream(jsonLines), out, error -> {
                throw new IllegalStateException("generated data does not decode: " + error);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Event> decoded() {
        List<Event> out = new ArrayList<>(events);
        decode(out::add);
        return out;
    }
}
