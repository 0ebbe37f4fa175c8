package dev.picket.server.ingest;

import dev.picket.engine.event.Event;

import java.util.List;

/** The events of a batch, and its decoding errors as {@code LINE: reason} (empty when it was all good). */
public record DecodedBatch(List<Event> events, List<String> errors) {
    public DecodedBatch {
        events = List.copyOf(events);
        errors = List.copyOf(errors);
    }
}
