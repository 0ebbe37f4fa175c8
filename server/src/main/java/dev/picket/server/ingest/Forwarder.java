package dev.picket.server.ingest;

import dev.picket.engine.event.Event;

import java.util.List;

/**
 * Where the ingest pipeline passes each batch's events on, once, in journal order: to Kafka for the
 * streams runner ({@code forward:} in the configuration), or nowhere. Batches replayed only to warm
 * the detector up after a restart are not passed on again.
 */
public interface Forwarder extends AutoCloseable {
    Forwarder NONE = new Forwarder() {
        @Override
        public void forward(Source source, List<Event> events) {
        }

        @Override
        public void close() {
        }
    };

    void forward(Source source, List<Event> events);

    @Override
    void close();
}
