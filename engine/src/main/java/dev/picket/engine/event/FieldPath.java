package dev.picket.engine.event;

import java.util.Objects;

/**
 * A dotted field path, split once. Keys that themselves contain dots (audit annotations such as
 * {@code authorization.k8s.io/decision}, label keys) are found by trying the longest literal key
 * first, so every joined run of segments is prepared here rather than built per lookup.
 */
public final class FieldPath {
    private final String text;
    private final String[] segments;
    /** joined[i][j] = segments i..j joined with dots (inclusive). */
    private final String[][] joined;

    private FieldPath(String text) {
        this.text = text;
        this.segments = text.split("\\.", -1);
        int n = segments.length;
        joined = new String[n][n];
        for (int i = 0; i < n; i++) {
            StringBuilder b = new StringBuilder(segments[i]);
            joined[i][i] = segments[i];
            for (int j = i + 1; j < n; j++) {
                b.append('.').append(segments[j]);
                joined[i][j] = b.toString();
            }
        }
    }

    public static FieldPath of(String dotted) {
        Objects.requireNonNull(dotted, "path");
        return new FieldPath(dotted);
    }

    public int size() {
        return segments.length;
    }

    public String segment(int i) {
        return segments[i];
    }

    /** Segments {@code from..to} (inclusive) joined with dots. */
    public String key(int from, int to) {
        return joined[from][to];
    }

    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldPath p && p.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
