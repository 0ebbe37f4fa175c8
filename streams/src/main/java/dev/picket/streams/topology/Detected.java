package dev.picket.streams.topology;

/** What the detection stage emits: an alert ready for the output topic, or a match for the correlation stage. */
sealed interface Detected {
    record AlertLine(String json) implements Detected {
    }

    record Routed(byte[] encoded) implements Detected {
    }
}
