package dev.picket.engine.event;

/**
 * Where an event came from: the input it was read from (a file name, "webhook", a topic), its line
 * or record number there, and the cluster the source is configured for.
 */
public record Origin(String source, long line, String cluster) {
    public static final Origin UNKNOWN = new Origin("-", 0, null);

    @Override
    public String toString() {
        return source + ":" + line;
    }
}
