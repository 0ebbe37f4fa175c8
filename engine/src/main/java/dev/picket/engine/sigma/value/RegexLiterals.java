package dev.picket.engine.sigma.value;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The literals a regular expression cannot match without: a set of strings of which every match
 * contains at least one. A plain substring search for them rejects most values before the regex
 * engine runs, and most values a rule's regex sees do not match it.
 *
 * <p>Reads the common syntax (literals and escapes, classes, groups, alternation, quantifiers,
 * anchors); anything it does not understand (inline flags, named groups, back references) gives
 * no literals, so the regex then always runs. Never wrong, only sometimes unhelpful.
 */
final class RegexLiterals {
    /** Beyond this many alternatives the substring searches cost more than they save. */
    private static final int MAX_STRINGS = 16;

    /** What a part of the regex matches: exactly one of {@code exact} (when finite and small), else a required set, else nothing known. */
    private record Info(Set<String> exact, Set<String> required) {
        static final Info UNKNOWN = new Info(null, null);
        static final Info EMPTY = new Info(Set.of(""), null);

        Set<String> best() {
            return exact != null ? exact : required;
        }
    }

    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private final String re;
    private int at;

    private RegexLiterals(String re) {
        this.re = re;
    }

    /**
     * The required literals, folded to lower case when {@code caseInsensitive}; null when none
     * are known (or a case-insensitive literal is not ASCII).
     */
    static String[] of(String regex, boolean caseInsensitive) {
        Set<String> found;
        try {
            RegexLiterals parser = new RegexLiterals(regex);
            Info info = parser.alternation();
            if (parser.at != regex.length()) return null;
            found = info.best();
        } catch (Unsupported | IndexOutOfBoundsException e) {
            return null;
        }
        if (found == null || found.isEmpty()) return null;
        List<String> out = new ArrayList<>();
        for (String s : minimal(found)) {
            if (s.isEmpty()) return null;
            if (caseInsensitive) {
                for (int i = 0; i < s.length(); i++) {
                    if (s.charAt(i) >= 0x80) return null; // non-ASCII letters have case partners Fold does not know
                }
                out.add(Fold.lower(s));
            } else {
                out.add(s);
            }
        }
        return out.toArray(String[]::new);
    }

    /** Drops strings that contain another of the set: where they occur, so does the shorter one. */
    private static List<String> minimal(Set<String> strings) {
        List<String> out = new ArrayList<>();
        for (String s : strings) {
            boolean redundant = false;
            for (String other : strings) {
                if (!other.equals(s) && s.contains(other)) redundant = true;
            }
            if (!redundant) out.add(s);
        }
        return out;
    }

    private Info alternation() {
        List<Info> branches = new ArrayList<>();
        branches.add(sequence());
        while (at < re.length() && re.charAt(at) == '|') {
            at++;
            branches.add(sequence());
        }
        if (branches.size() == 1) return branches.getFirst();
        Set<String> exact = new LinkedHashSet<>();
        Set<String> required = new LinkedHashSet<>();
        for (Info b : branches) {
            if (exact != null && b.exact != null) exact.addAll(b.exact);
            else exact = null;
            Set<String> best = b.best();
            if (best == null || required == null) required = null;
            else required.addAll(best);
        }
        if (exact != null && exact.size() <= MAX_STRINGS) return new Info(exact, null);
        return new Info(null, required != null && required.size() <= MAX_STRINGS ? required : null);
    }

    /** Runs of exactly-known parts join into longer literals; the best run or part is what the sequence requires. */
    private Info sequence() {
        Set<String> run = Set.of("");
        Set<String> best = null;
        boolean allExact = true;
        while (at < re.length() && re.charAt(at) != '|' && re.charAt(at) != ')') {
            Info item = quantified(atom());
            if (item.exact != null) {
                Set<String> joined = cross(run, item.exact);
                if (joined != null) {
                    run = joined;
                    continue;
                }
            }
            allExact = false;
            best = better(best, run);
            best = better(best, item.best());
            run = Set.of("");
        }
        if (allExact) return new Info(run, null);
        return new Info(null, better(best, run));
    }

    private Info quantified(Info atom) {
        if (at >= re.length()) return atom;
        char c = re.charAt(at);
        Info result;
        if (c == '*' || c == '?') {
            at++;
            result = Info.UNKNOWN;
        } else if (c == '+') {
            at++;
            result = new Info(null, atom.best());
        } else if (c == '{' && at + 1 < re.length() && Character.isDigit(re.charAt(at + 1))) {
            int close = re.indexOf('}', at);
            if (close < 0) throw new Unsupported();
            String[] bounds = re.substring(at + 1, close).split(",", -1);
            at = close + 1;
            int min = Integer.parseInt(bounds[0].strip());
            result = min == 0 ? Info.UNKNOWN : new Info(null, atom.best());
        } else {
            return atom;
        }
        if (at < re.length() && re.charAt(at) == '?') at++; // lazy: same literals
        return result;
    }

    private Info atom() {
        char c = re.charAt(at++);
        switch (c) {
            case '(' -> {
                if (re.startsWith("?:", at)) at += 2;
                else if (at < re.length() && re.charAt(at) == '?') throw new Unsupported();
                Info inner = alternation();
                if (at >= re.length() || re.charAt(at) != ')') throw new Unsupported();
                at++;
                return inner;
            }
            case '[' -> {
                skipClass();
                return Info.UNKNOWN;
            }
            case '.' -> {
                return Info.UNKNOWN;
            }
            case '^', '$' -> {
                return Info.EMPTY;
            }
            case '\\' -> {
                return escape(re.charAt(at++));
            }
            case '*', '+', '?', '{', ')', '|' -> throw new Unsupported();
            default -> {
                return new Info(Set.of(String.valueOf(c)), null);
            }
        }
    }

    private Info escape(char c) {
        if ("dDwWsS".indexOf(c) >= 0) return Info.UNKNOWN;
        if ("bBAz".indexOf(c) >= 0) return Info.EMPTY;
        if (c == 'n') return new Info(Set.of("\n"), null);
        if (c == 't') return new Info(Set.of("\t"), null);
        if (c == 'r') return new Info(Set.of("\r"), null);
        if (Character.isLetterOrDigit(c)) throw new Unsupported(); // back references, \p, \x, \Q and the like
        return new Info(Set.of(String.valueOf(c)), null);
    }

    private void skipClass() {
        if (at < re.length() && re.charAt(at) == '^') at++;
        if (at < re.length() && re.charAt(at) == ']') at++; // a leading ] is literal
        while (re.charAt(at) != ']') {
            if (re.charAt(at) == '\\') at++;
            else if (re.startsWith("[:", at)) at = re.indexOf(":]", at) + 1;
            at++;
        }
        at++;
    }

    private static Set<String> cross(Set<String> a, Set<String> b) {
        if ((long) a.size() * b.size() > MAX_STRINGS) return null;
        Set<String> out = new LinkedHashSet<>();
        for (String x : a) for (String y : b) out.add(x + y);
        return out;
    }

    /** The set whose shortest string is longest: it rejects the most values. */
    private static Set<String> better(Set<String> a, Set<String> b) {
        if (b == null || shortest(b) == 0) return a;
        if (a == null || shortest(a) == 0) return b;
        return shortest(b) > shortest(a) ? b : a;
    }

    private static int shortest(Set<String> s) {
        int min = Integer.MAX_VALUE;
        for (String x : s) min = Math.min(min, x.length());
        return min;
    }
}
