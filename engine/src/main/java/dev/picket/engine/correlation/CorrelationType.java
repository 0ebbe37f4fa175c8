package dev.picket.engine.correlation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The Sigma correlation types, plus Picket's {@code new_terms} baseline extension. */
public enum CorrelationType {
    EVENT_COUNT, VALUE_COUNT, TEMPORAL, TEMPORAL_ORDERED, VALUE_SUM, VALUE_AVG, VALUE_PERCENTILE, NEW_TERMS;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CorrelationType> of(String word) {
        return Arrays.stream(values()).filter(t -> t.word().equals(word)).findFirst();
    }

    /** Types whose condition names a {@code field} whose values they aggregate. */
    boolean aggregatesField() {
        return this == VALUE_COUNT || this == VALUE_SUM || this == VALUE_AVG || this == VALUE_PERCENTILE;
    }

    /** Types whose condition may be left out: by default every referenced rule must have matched. */
    boolean conditionOptional() {
        return this == TEMPORAL || this == TEMPORAL_ORDERED;
    }
}
