package dev.picket.engine.rule;

import java.util.Locale;

/** Sigma rule level. */
public enum Severity {
    INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL;

    /** Accepts Sigma {@code level} words in any case. */
    public static Severity parse(String word) {
        return valueOf(word.trim().toUpperCase(Locale.ROOT));
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
