package dev.picket.engine.sigma.value;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalField;

/**
 * The time modifiers: one number out of a timestamp value, as written (no time-zone conversion,
 * as the specification says).
 */
public enum TimePart {
    MINUTE(ChronoField.MINUTE_OF_HOUR, true),
    HOUR(ChronoField.HOUR_OF_DAY, true),
    DAY(ChronoField.DAY_OF_MONTH, false),
    WEEK(IsoFields.WEEK_OF_WEEK_BASED_YEAR, false),
    MONTH(ChronoField.MONTH_OF_YEAR, false),
    YEAR(ChronoField.YEAR, false);

    private final TemporalField field;
    private final boolean needsTime;

    TimePart(TemporalField field, boolean needsTime) {
        this.field = field;
        this.needsTime = needsTime;
    }

    /** The part of an ISO-8601 date or date-time, or -1 when the text is neither. */
    public int of(String text) {
        TemporalAccessor t = parse(text.strip());
        if (t == null || needsTime && !t.isSupported(ChronoField.HOUR_OF_DAY)) return -1;
        return t.get(field);
    }

    private static TemporalAccessor parse(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text);
                } catch (DateTimeParseException notDate) {
                    return null;
                }
            }
        }
    }
}
