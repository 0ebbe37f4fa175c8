package dev.picket.streams.topology;

/**
 * What the topology counts, for the metrics endpoint. Called from every stream thread, so an
 * implementation must be thread-safe.
 */
public interface Counters {
    Counters NONE = new Counters() {
        @Override
        public void decoded(String topic, long events) {
        }

        @Override
        public void decodeError(String topic) {
        }

        @Override
        public void alert(boolean correlation) {
        }

        @Override
        public void routed() {
        }
    };

    void decoded(String topic, long events);

    void decodeError(String topic);

    void alert(boolean correlation);

    /** A match sent on to the correlation stage. */
    void routed();
}
