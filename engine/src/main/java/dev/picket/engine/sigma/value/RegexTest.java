package dev.picket.engine.sigma.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;

/**
 * {@code re}: RE2 (linear time, no backtracking), searched anywhere in the value. When the regex
 * cannot match without one of a few literals, a substring search for them comes first: most
 * values a rule's regex sees lack them, and the search costs a fraction of running the regex.
 */
public final class RegexTest implements ValueTest {
    private final Pattern pattern;
    /** One of these must occur for the regex to match; null when unknown. */
    private final String[] required;
    private final boolean cased;
    /**
     * Ignoring case, RE2 also matches k to the Kelvin sign and s to the long s, which the folded
     * search does not: values with non-ASCII text then go straight to the regex.
     */
    private final boolean asciiOnly;

    public RegexTest(Pattern pattern) {
        this.pattern = pattern;
        this.cased = (pattern.flags() & Pattern.CASE_INSENSITIVE) == 0;
        this.required = RegexLiterals.of(pattern.pattern(), !cased);
        boolean ks = false;
        if (required != null && !cased) {
            for (String literal : required) ks |= literal.indexOf('k') >= 0 || literal.indexOf('s') >= 0;
        }
        this.asciiOnly = ks;
    }

    @Override
    public boolean test(JsonNode node) {
        String text = ValueTest.text(node);
        return text != null && mayMatch(text) && pattern.matcher(text).find();
    }

    private boolean mayMatch(String text) {
        if (required == null || asciiOnly && !isAscii(text)) return true;
        for (String literal : required) {
            if (Fold.indexOf(text, literal, 0, cased) >= 0) return true;
        }
        return false;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) return false;
        }
        return true;
    }

    @Override
    public String toString() {
        return "re(" + pattern.pattern() + ")";
    }
}
