package dev.picket.engine.sigma.value;

import java.util.ArrayList;
import java.util.List;

/**
 * Literals a regular expression cannot match without: a set of strings such that every match
 * contains at least one of them. Searching a value for a few literals is far cheaper than running
 * the expression, and most values of a field contain none, so {@link RegexTest} checks them first.
 *
 * <p>Derived conservatively from a pattern RE2 has already accepted: a sequence requires its
 * longest run of plain characters (or a required group's literals), an alternation the union of
 * its branches'. Anything not understood here (inline flags, {@code \Q}, code-point escapes)
 * gives no literals, and the expression simply always runs.
 */
final class RegexLiterals {
    /** Literals shorter than this filter too little to be worth checking. */
    private static final int MIN_LENGTH = 2;

    private final String re;
    private int pos;
    /** Whether the last atom carried a quantifier (a quantified character never joins a run). */
    private boolean quantified;

    private RegexLiterals(String re) {
        this.re = re;
    }

    /** The required literals, or null when none can be derived. */
    static List<String> of(String regex) {
        RegexLiterals parser = new RegexLiterals(regex);
        try {
            List<String> literals = parser.alternation();
            if (parser.pos != regex.length() || literals == null) return null;
            for (String l : literals) {
                if (l.length() < MIN_LENGTH) return null;
            }
            return literals;
        } catch (GiveUp e) {
            return null;
        }
    }

    private static final class GiveUp extends RuntimeException {
        GiveUp() {
            super(null, null, false, false);
        }
    }

    /** One parsed atom: a plain character, a group (with its literals, possibly null), or anything else. */
    private record Atom(char literal, boolean isLiteral, boolean isGroup, List<String> groupLiterals) {
        static final Atom OTHER = new Atom('\0', false, false, null);
    }

    private List<String> alternation() {
        List<String> union = new ArrayList<>();
        boolean known = true;
        while (true) {
            List<String> branch = sequence();
            if (branch == null) known = false;
            else union.addAll(branch);
            if (pos < re.length() && re.charAt(pos) == '|') {
                pos++;
            } else {
                return known ? union : null;
            }
        }
    }

    private List<String> sequence() {
        List<String> best = null;
        StringBuilder run = new StringBuilder();
        while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
            Atom atom = atom();
            int min = quantifierMin();
            if (atom.isLiteral && min == 1 && !quantified) {
                run.append(atom.literal);
                continue;
            }
            best = better(best, flush(run));
            if (min >= 1) {
                if (atom.isLiteral) best = better(best, List.of(String.valueOf(atom.literal)));
                else if (atom.isGroup) best = better(best, atom.groupLiterals);
            }
        }
        return better(best, flush(run));
    }

    private static List<String> flush(StringBuilder run) {
        if (run.isEmpty()) return null;
        List<String> out = List.of(run.toString());
        run.setLength(0);
        return out;
    }

    /** The alternative whose shortest literal is longest: the one that filters best. */
    private static List<String> better(List<String> a, List<String> b) {
        if (a == null) return b;
        if (b == null) return a;
        return shortest(b) > shortest(a) ? b : a;
    }

    private static int shortest(List<String> literals) {
        int min = Integer.MAX_VALUE;
        for (String l : literals) min = Math.min(min, l.length());
        return min;
    }

    private Atom atom() {
        char c = re.charAt(pos++);
        switch (c) {
            case '(' -> {
                if (re.startsWith("?:", pos)) {
                    pos += 2;
                } else if (re.startsWith("?P<", pos) || re.startsWith("?<", pos)) {
                    pos = re.indexOf('>', pos) + 1;
                } else if (pos < re.length() && re.charAt(pos) == '?') {
                    throw new GiveUp(); // inline flags change what the literals mean
                }
                List<String> inner = alternation();
                if (pos >= re.length() || re.charAt(pos) != ')') throw new GiveUp();
                pos++;
                return new Atom('\0', false, true, inner);
            }
            case '[' -> {
                skipClass();
                return Atom.OTHER;
            }
            case '.', '^', '$' -> {
                return Atom.OTHER;
            }
            case '\\' -> {
                if (pos >= re.length()) throw new GiveUp();
                char e = re.charAt(pos++);
                if (!Character.isLetterOrDigit(e)) return new Atom(e, true, false, null);
                if ("dDsSwWbBAz".indexOf(e) >= 0) return Atom.OTHER;
                throw new GiveUp(); // \x, \p, \Q, \n and friends: not worth modelling
            }
            default -> {
                return new Atom(c, true, false, null);
            }
        }
    }

    /** Skips a character class; its first character may be a literal ']'. */
    private void skipClass() {
        if (pos < re.length() && re.charAt(pos) == '^') pos++;
        if (pos < re.length() && re.charAt(pos) == ']') pos++;
        while (pos < re.length()) {
            char c = re.charAt(pos++);
            if (c == ']') return;
            if (c == '\\') {
                if (pos >= re.length() || Character.isLetterOrDigit(re.charAt(pos)) && "dDsSwW".indexOf(re.charAt(pos)) < 0) {
                    throw new GiveUp();
                }
                pos++;
            } else if (c == '[' && pos < re.length() && re.charAt(pos) == ':') {
                int end = re.indexOf(":]", pos);
                if (end < 0) throw new GiveUp();
                pos = end + 2;
            }
        }
        throw new GiveUp();
    }

    /** The minimum count of the quantifier after an atom (1 when there is none). */
    private int quantifierMin() {
        quantified = false;
        if (pos >= re.length()) return 1;
        char c = re.charAt(pos);
        int min;
        if (c == '*' || c == '?') {
            min = 0;
            pos++;
        } else if (c == '+') {
            min = 1;
            pos++;
        } else if (c == '{') {
            int close = re.indexOf('}', pos);
            if (close < 0) throw new GiveUp();
            String body = re.substring(pos + 1, close);
            String first = body.contains(",") ? body.substring(0, body.indexOf(',')) : body;
            try {
                min = Integer.parseInt(first);
            } catch (NumberFormatException e) {
                throw new GiveUp();
            }
            pos = close + 1;
        } else {
            return 1;
        }
        quantified = true;
        if (pos < re.length() && re.charAt(pos) == '?') pos++; // lazy
        return min;
    }
}
