package dev.picket.server.ingest;

import dev.picket.engine.event.Event;
import dev.picket.io.decode.DecodeSettings;
import dev.picket.io.decode.InputFormat;
import dev.picket.io.decode.InputReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes batches with the same decoders {@code picket detect} uses: audit batches as Kubernetes
 * audit events (an {@code EventList} or JSON lines), runtime batches as Picket runtime events.
 * Events carry the configured cluster name; errors read {@code audit:LINE: reason}.
 */
public final class InputDecoder implements BatchDecoder {
    private final Map<Source, InputReader> readers = new EnumMap<>(Source.class);

    /**
     * @param maxBatchBytes the largest batch accepted; the API server sends an {@code EventList} as
     *                      one line, so a line may be that long
     */
    public InputDecoder(String cluster, long maxBatchBytes, Clock clock) {
        DecodeSettings settings = DecodeSettings.defaults(clock).withCluster(cluster)
                .withMaxLineBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBatchBytes));
        readers.put(Source.AUDIT, new InputReader(settings.withFormat(InputFormat.AUDIT)));
        readers.put(Source.RUNTIME, new InputReader(settings.withFormat(InputFormat.RUNTIME)));
    }

    @Override
    public DecodedBatch decode(Source source, byte[] body) {
        List<Event> events = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try {
            readers.get(source).read(source.label(), new ByteArrayInputStream(body), events::add,
                    e -> errors.add(e.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
        return new DecodedBatch(events, errors);
    }
}
