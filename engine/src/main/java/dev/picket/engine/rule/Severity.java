package dev.picket.engine.rule;

import java.util.Locale;

/** Alert severity, from a Sigma rule's {@code level}. */
public enum Severity {
    INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL;

    /** Accepts the Sigma {@code level} words, any case. */
    public static Severity parse(String level) {
        try {
            return valueOf(level.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown level '" + level + "' (informational, low, medium, high, critical)");
        }
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
