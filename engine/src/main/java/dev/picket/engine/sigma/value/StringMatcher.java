package dev.picket.engine.sigma.value;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled Sigma string: exact, prefix, suffix and contains get plain string comparisons; any
 * other wildcard shape gets a segment matcher (leftmost placement of the parts between stars,
 * linear in practice and never a regular expression). Case-insensitive unless {@code cased}; the
 * pattern is folded once here.
 */
public abstract sealed class StringMatcher {

    /** The shape, for the literal index. */
    public enum Kind { EXACT, PREFIX, SUFFIX, CONTAINS, GLOB }

    final String literal;
    final boolean cased;

    private StringMatcher(String literal, boolean cased) {
        this.literal = literal;
        this.cased = cased;
    }

    public static StringMatcher of(SigmaString value, boolean cased) {
        List<Segment> parts = new ArrayList<>();
        boolean leadingStar = value.startsWithStar();
        boolean trailingStar = value.endsWithStar();
        StringBuilder text = new StringBuilder();
        List<Integer> anyChar = new ArrayList<>();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (value.isWildcard(i) && c == '*') {
                if (!text.isEmpty()) parts.add(Segment.of(text, anyChar, cased));
                text.setLength(0);
                anyChar.clear();
            } else {
                if (value.isWildcard(i)) anyChar.add(text.length());
                text.append(c);
            }
        }
        if (!text.isEmpty() || !leadingStar && !trailingStar && parts.isEmpty()) {
            parts.add(Segment.of(text, anyChar, cased)); // the empty string is an exact value too
        }
        boolean plain = parts.stream().allMatch(p -> p.anyChar == null);
        if (plain && parts.size() == 1) {
            String lit = parts.get(0).text;
            if (!leadingStar && !trailingStar) return new Exact(lit, cased);
            if (!leadingStar) return new Prefix(lit, cased);
            if (!trailingStar) return new Suffix(lit, cased);
            return new Contains(lit, cased);
        }
        if (parts.isEmpty()) return new Prefix("", cased); // only stars: anything
        return new Glob(value.chars(), parts, !leadingStar, !trailingStar, cased);
    }

    public abstract boolean matches(String s);

    public abstract Kind kind();

    /** The literal text of a non-glob matcher (folded unless cased). */
    public String literal() {
        return literal;
    }

    public boolean cased() {
        return cased;
    }

    @Override
    public String toString() {
        return kind() + "(" + literal + (cased ? ", cased" : "") + ")";
    }

    static final class Exact extends StringMatcher {
        Exact(String literal, boolean cased) {
            super(literal, cased);
        }

        @Override
        public boolean matches(String s) {
            return s.length() == literal.length() && Fold.regionEquals(s, 0, literal, cased);
        }

        @Override
        public Kind kind() {
            return Kind.EXACT;
        }
    }

    static final class Prefix extends StringMatcher {
        Prefix(String literal, boolean cased) {
            super(literal, cased);
        }

        @Override
        public boolean matches(String s) {
            return Fold.regionEquals(s, 0, literal, cased);
        }

        @Override
        public Kind kind() {
            return Kind.PREFIX;
        }
    }

    static final class Suffix extends StringMatcher {
        Suffix(String literal, boolean cased) {
            super(literal, cased);
        }

        @Override
        public boolean matches(String s) {
            return Fold.regionEquals(s, s.length() - literal.length(), literal, cased);
        }

        @Override
        public Kind kind() {
            return Kind.SUFFIX;
        }
    }

    static final class Contains extends StringMatcher {
        Contains(String literal, boolean cased) {
            super(literal, cased);
        }

        @Override
        public boolean matches(String s) {
            return Fold.indexOf(s, literal, 0, cased) >= 0;
        }

        @Override
        public Kind kind() {
            return Kind.CONTAINS;
        }
    }

    /** Text between stars; {@code anyChar} marks {@code ?} positions (null when there are none). */
    record Segment(String text, boolean[] anyChar) {
        static Segment of(CharSequence text, List<Integer> anyChar, boolean cased) {
            String t = cased ? text.toString() : Fold.lower(text.toString());
            if (anyChar.isEmpty()) return new Segment(t, null);
            boolean[] any = new boolean[t.length()];
            for (int i : anyChar) any[i] = true;
            return new Segment(t, any);
        }

        int length() {
            return text.length();
        }

        boolean matchesAt(String s, int at, boolean cased) {
            if (anyChar == null) return Fold.regionEquals(s, at, text, cased);
            if (at < 0 || at + text.length() > s.length()) return false;
            for (int i = 0; i < text.length(); i++) {
                if (anyChar[i]) continue;
                char c = s.charAt(at + i);
                char p = text.charAt(i);
                if (c != p && (cased || Fold.fold(c) != p)) return false;
            }
            return true;
        }

        int find(String s, int from, int limit, boolean cased) {
            if (anyChar == null) {
                int at = Fold.indexOf(s, text, from, cased);
                return at >= 0 && at + text.length() <= limit ? at : -1;
            }
            for (int at = from; at + text.length() <= limit; at++) {
                if (matchesAt(s, at, cased)) return at;
            }
            return -1;
        }
    }

    /**
     * General wildcards. With every part after the first free to float, placing each part at its
     * leftmost possible position is optimal, so one left-to-right pass decides.
     */
    static final class Glob extends StringMatcher {
        private final Segment[] parts;
        private final boolean anchoredStart;
        private final boolean anchoredEnd;

        Glob(String pattern, List<Segment> parts, boolean anchoredStart, boolean anchoredEnd, boolean cased) {
            super(pattern, cased);
            this.parts = parts.toArray(Segment[]::new);
            this.anchoredStart = anchoredStart;
            this.anchoredEnd = anchoredEnd;
        }

        @Override
        public boolean matches(String s) {
            int first = 0;
            int last = parts.length;
            int pos = 0;
            int limit = s.length();
            if (anchoredStart) {
                if (!parts[0].matchesAt(s, 0, cased)) return false;
                pos = parts[0].length();
                first = 1;
            }
            if (anchoredEnd) {
                if (parts.length == 1 && anchoredStart) return pos == s.length();
                Segment end = parts[parts.length - 1];
                limit = s.length() - end.length();
                if (limit < pos || !end.matchesAt(s, limit, cased)) return false;
                last--;
            }
            for (int i = first; i < last; i++) {
                int at = parts[i].find(s, pos, limit, cased);
                if (at < 0) return false;
                pos = at + parts[i].length();
            }
            return true;
        }

        @Override
        public Kind kind() {
            return Kind.GLOB;
        }
    }
}
