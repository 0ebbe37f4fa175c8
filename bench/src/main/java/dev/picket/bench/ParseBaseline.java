package dev.picket.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The floor any JSON-reading engine pays: Jackson's streaming parser stepping over every token of
 * every event and keeping nothing.
 */
public final class ParseBaseline {
    private static final JsonFactory JSON = new JsonFactory();

    private ParseBaseline() {
    }

    /** Steps through every token of the JSON lines; returns the token count (so the work is used). */
    public static long tokens(byte[] jsonLines) {
        long tokens = 0;
        try (JsonParser parser = JSON.createParser(jsonLines)) {
            while (parser.nextToken() != null) tokens++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
