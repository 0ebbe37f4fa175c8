package dev.picket.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where people are in working an alert or an incident. */
public enum Status {
    NEW, ACKNOWLEDGED, RESOLVED, FALSE_POSITIVE;

    /** The word the API and the store use: {@code new}, {@code acknowledged}, {@code resolved}, {@code false-positive}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException naming the words allowed */
    public static Status parse(String word) {
        for (Status s : values()) {
            if (s.word().equals(word)) return s;
        }
        throw new IllegalArgumentException("'" + word + "' is not a status; use one of "
                + Arrays.stream(values()).map(Status::word).collect(Collectors.joining(", ")));
    }
}
