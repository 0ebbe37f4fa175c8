package dev.picket.engine.sigma.value;

import java.util.Locale;

/** The value modifiers of the Sigma modifiers appendix that apply to JSON logs. */
public enum Modifier {
    // generic
    CONTAINS, STARTSWITH, ENDSWITH, ALL, EXISTS, CASED, NEQ,
    // string
    WINDASH, RE, I, M, S, BASE64, BASE64OFFSET, UTF16, UTF16LE, UTF16BE, WIDE,
    // numeric
    LT, LTE, GT, GTE,
    // time
    MINUTE, HOUR, DAY, WEEK, MONTH, YEAR,
    // ip
    CIDR,
    // specific
    EXPAND, FIELDREF;

    /** The modifier with this name as rules write it (lower case), or null. */
    public static Modifier named(String name) {
        if (!name.equals(name.toLowerCase(Locale.ROOT))) return null;
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Modifiers that rewrite the value itself, applied in the order written. */
    public boolean transforms() {
        return switch (this) {
            case CONTAINS, STARTSWITH, ENDSWITH, WINDASH, BASE64, BASE64OFFSET, UTF16, UTF16LE, UTF16BE, WIDE -> true;
            default -> false;
        };
    }

    public boolean isRegexFlag() {
        return this == I || this == M || this == S;
    }

    public CompareTest.Op comparison() {
        return switch (this) {
            case LT -> CompareTest.Op.LT;
            case LTE -> CompareTest.Op.LTE;
            case GT -> CompareTest.Op.GT;
            case GTE -> CompareTest.Op.GTE;
            default -> null;
        };
    }

    public TimePart timePart() {
        return switch (this) {
            case MINUTE -> TimePart.MINUTE;
            case HOUR -> TimePart.HOUR;
            case DAY -> TimePart.DAY;
            case WEEK -> TimePart.WEEK;
            case MONTH -> TimePart.MONTH;
            case YEAR -> TimePart.YEAR;
            default -> null;
        };
    }
}
