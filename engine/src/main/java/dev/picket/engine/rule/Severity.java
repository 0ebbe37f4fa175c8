package dev.picket.engine.rule;

import java.util.Locale;

/** How urgent a rule's match is, in Sigma's five {@code level} words, least to most severe. */
public enum Severity {
    INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL;

    /** The Sigma {@code level} word, case-insensitive. Unknown words are rejected, not guessed. */
    public static Severity parse(String level) {
        for (Severity s : values()) {
            if (s.word().equalsIgnoreCase(level.trim())) return s;
        }
        throw new IllegalArgumentException("unknown level '" + level
                + "' (expected informational, low, medium, high or critical)");
    }

    /** The lower-case Sigma word, as alerts print it. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
