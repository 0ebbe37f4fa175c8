package dev.picket.engine.sigma.value;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A Sigma string value after escape processing: its characters, and which of them are the
 * wildcards {@code *} (any run) and {@code ?} (one character) rather than literal characters.
 *
 * <p>Escaping (rules specification, "Escape Character"): a backslash escapes a following
 * {@code *}, {@code ?} or backslash; any other backslash is literal. So {@code \*} is a literal
 * star, {@code \\*} a backslash then a wildcard, {@code \\\*} a backslash then a literal star, and
 * {@code \\\\} two backslashes.
 */
public final class SigmaString {
    private final String chars;
    private final BitSet wildcards;

    private SigmaString(String chars, BitSet wildcards) {
        this.chars = chars;
        this.wildcards = wildcards;
    }

    /** Parses a rule value: unescaped {@code *} and {@code ?} become wildcards. */
    public static SigmaString parse(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        BitSet wild = new BitSet();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() && isSpecial(raw.charAt(i + 1))) {
                out.append(raw.charAt(++i));
            } else {
                if (c == '*' || c == '?') wild.set(out.length());
                out.append(c);
            }
        }
        return new SigmaString(out.toString(), wild);
    }

    private static boolean isSpecial(char c) {
        return c == '*' || c == '?' || c == '\\';
    }

    /** A value with no wildcards at all, e.g. the output of an encoding modifier. */
    public static SigmaString literal(String chars) {
        return new SigmaString(chars, new BitSet());
    }

    public int length() {
        return chars.length();
    }

    public char charAt(int i) {
        return chars.charAt(i);
    }

    public boolean isWildcard(int i) {
        return wildcards.get(i);
    }

    public boolean hasWildcards() {
        return !wildcards.isEmpty();
    }

    /** The characters, wildcards included as {@code *}/{@code ?}. */
    public String chars() {
        return chars;
    }

    public boolean startsWithStar() {
        return !chars.isEmpty() && wildcards.get(0) && chars.charAt(0) == '*';
    }

    public boolean endsWithStar() {
        int last = chars.length() - 1;
        return last >= 0 && wildcards.get(last) && chars.charAt(last) == '*';
    }

    /** {@code contains}: the value anywhere in the field. */
    public SigmaString contained() {
        return prefixedStar().suffixedStar();
    }

    /** {@code endswith}: anything may precede the value. */
    public SigmaString prefixedStar() {
        if (startsWithStar()) return this;
        BitSet wild = new BitSet();
        wild.set(0);
        for (int i = wildcards.nextSetBit(0); i >= 0; i = wildcards.nextSetBit(i + 1)) wild.set(i + 1);
        return new SigmaString("*" + chars, wild);
    }

    /** {@code startswith}: anything may follow the value. */
    public SigmaString suffixedStar() {
        if (endsWithStar()) return this;
        BitSet wild = (BitSet) wildcards.clone();
        wild.set(chars.length());
        return new SigmaString(chars + "*", wild);
    }

    /**
     * Every variant with each literal dash-like character replaced by each of {@code alternatives}
     * ({@code windash}).
     */
    public List<SigmaString> permute(String alternatives) {
        List<StringBuilder> variants = new ArrayList<>(List.of(new StringBuilder()));
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (!wildcards.get(i) && alternatives.indexOf(c) >= 0) {
                List<StringBuilder> next = new ArrayList<>(variants.size() * alternatives.length());
                for (StringBuilder v : variants) {
                    for (int a = 0; a < alternatives.length(); a++) next.add(new StringBuilder(v).append(alternatives.charAt(a)));
                }
                variants = next;
            } else {
                for (StringBuilder v : variants) v.append(c);
            }
        }
        List<SigmaString> out = new ArrayList<>(variants.size());
        for (StringBuilder v : variants) out.add(new SigmaString(v.toString(), wildcards));
        return out;
    }

    /** Count of characters from {@code alternatives} outside wildcards. */
    public int count(String alternatives) {
        int n = 0;
        for (int i = 0; i < chars.length(); i++) {
            if (!wildcards.get(i) && alternatives.indexOf(chars.charAt(i)) >= 0) n++;
        }
        return n;
    }

    @Override
    public String toString() {
        return chars;
    }
}
