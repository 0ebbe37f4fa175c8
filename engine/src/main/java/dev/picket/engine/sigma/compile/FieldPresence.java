package dev.picket.engine.sigma.compile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.engine.event.Event;
import dev.picket.engine.event.FieldPath;

import java.util.function.Predicate;

/**
 * {@code field|exists: true/false}, and {@code field: null}. A field is present when the path
 * reaches a value, even an empty or null one; {@code null} matches a field that is absent or null.
 */
public record FieldPresence(FieldPath path, Mode mode) implements Matcher {

    public enum Mode { EXISTS, ABSENT, NULL }

    private static final Predicate<JsonNode> ANY = v -> true;
    private static final Predicate<JsonNode> NOT_NULL = v -> !v.isNull();

    @Override
    public boolean matches(Event event) {
        return switch (mode) {
            case EXISTS -> event.anyValue(path, ANY);
            case ABSENT -> !event.anyValue(path, ANY);
            case NULL -> !event.anyValue(path, NOT_NULL);
        };
    }
}
