package dev.picket.engine.sigma.value;

/**
 * Case folding used by every case-insensitive comparison and by the literal index, char by char
 * with {@link Character#toLowerCase(char)} ({@link #fold(char)}), so lengths never change and the index and the
 * matchers can never disagree about what "equal ignoring case" means.
 */
public final class Fold {
    private Fold() {}

    /** {@link Character#toLowerCase(char)}, with ASCII (most of every log) answered inline. */
    public static char fold(char c) {
        if (c < 0x80) return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        return Character.toLowerCase(c);
    }

    public static String lower(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (fold(c) != c) {
                char[] chars = s.toCharArray();
                for (int j = i; j < chars.length; j++) chars[j] = fold(chars[j]);
                return new String(chars);
            }
        }
        return s;
    }

    /** s[from, from+pattern.length) equals pattern; pattern is already lower-cased when !cased. */
    public static boolean regionEquals(String s, int from, String pattern, boolean cased) {
        if (from < 0 || from + pattern.length() > s.length()) return false;
        return cased ? s.startsWith(pattern, from) : foldedEquals(s, from, pattern, 0, pattern.length());
    }

    /** First index at or after {@code from} where pattern occurs, or -1. */
    public static int indexOf(String s, String pattern, int from, boolean cased) {
        if (cased) return s.indexOf(pattern, from);
        int n = pattern.length();
        if (n == 0) return from <= s.length() ? from : -1;
        char first = pattern.charAt(0);
        int last = s.length() - n;
        if (first < 0x80 && (first < 'a' || first > 'z')) {
            // No other char folds to an ASCII non-letter: jump between its occurrences (a vectorised search).
            for (int i = s.indexOf(first, Math.max(from, 0)); i >= 0 && i <= last; i = s.indexOf(first, i + 1)) {
                if (foldedEquals(s, i + 1, pattern, 1, n - 1)) return i;
            }
            return -1;
        }
        for (int i = Math.max(from, 0); i <= last; i++) {
            char c = s.charAt(i);
            if ((c == first || fold(c) == first) && foldedEquals(s, i + 1, pattern, 1, n - 1)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean foldedEquals(String s, int from, String pattern, int patternFrom, int n) {
        for (int i = 0; i < n; i++) {
            char c = s.charAt(from + i);
            char p = pattern.charAt(patternFrom + i);
            if (c != p && fold(c) != p) return false;
        }
        return true;
    }

    /** Hash of s[from, to) after folding; equal for strings that fold to the same text. */
    public static int hash(CharSequence s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) h = 31 * h + fold(s.charAt(i));
        return h;
    }
}
