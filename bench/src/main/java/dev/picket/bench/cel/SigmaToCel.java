package dev.picket.bench.cel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.engine.sigma.compile.Placeholders;
import dev.picket.engine.sigma.condition.Condition;
import dev.picket.engine.sigma.condition.ConditionParser;
import dev.picket.engine.sigma.condition.ConditionSyntaxException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Translates a Sigma detection section into one CEL expression over a flattened event: variable
 * {@code e}, a {@code map(string, list(string))} from dotted field path to every value found there
 * (see {@link FlatEvent}). It covers what the built-in rules use: plain, wildcard and placeholder
 * values, {@code contains}/{@code startswith}/{@code endswith}/{@code all}/{@code cased}/{@code neq},
 * {@code re} with flags, {@code exists}, numeric comparisons, {@code null}, keywords, and every
 * condition form. Anything else ({@code cidr}, {@code fieldref}, the encodings) is refused with
 * {@link Untranslatable}, so a caller can count what the baseline leaves out.
 */
public final class SigmaToCel {
    private static final Set<String> KNOWN = Set.of("contains", "startswith", "endswith", "all", "cased", "neq",
            "re", "i", "m", "s", "exists", "expand", "lt", "lte", "gt", "gte");
    private static final String NUMBER = "^-?[0-9]+([.][0-9]+)?$";

    /** A rule the translator does not cover, and why. */
    public static final class Untranslatable extends Exception {
        public Untranslatable(String reason) {
            super(reason);
        }
    }

    private final Map<String, List<String>> placeholders;

    public SigmaToCel(Map<String, List<String>> placeholders) {
        this.placeholders = placeholders;
    }

    /** The CEL expression for a rule's {@code detection} section. */
    public String translate(JsonNode detection) throws Untranslatable {
        if (detection == null || !detection.isObject()) throw new Untranslatable("no detection section");
        Map<String, String> selections = new java.util.LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = detection.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("condition")) selections.put(e.getKey(), selection(e.getValue()));
        }
        JsonNode condition = detection.get("condition");
        if (condition == null) throw new Untranslatable("no condition");
        List<String> or = new ArrayList<>();
        if (condition.isArray()) {
            for (JsonNode c : condition) or.add(condition(c.asText(), selections));
        } else {
            or.add(condition(condition.asText(), selections));
        }
        return join(or, " || ");
    }

    private static String condition(String text, Map<String, String> selections) throws Untranslatable {
        try {
            return condition(ConditionParser.parse(text), selections);
        } catch (ConditionSyntaxException e) {
            throw new Untranslatable("condition: " + e.getMessage());
        }
    }

    private static String condition(Condition c, Map<String, String> selections) throws Untranslatable {
        return switch (c) {
            case Condition.And and -> {
                List<String> parts = new ArrayList<>();
                for (Condition o : and.operands()) parts.add(condition(o, selections));
                yield join(parts, " && ");
            }
            case Condition.Or or -> {
                List<String> parts = new ArrayList<>();
                for (Condition o : or.operands()) parts.add(condition(o, selections));
                yield join(parts, " || ");
            }
            case Condition.Not not -> "!(" + condition(not.operand(), selections) + ")";
            case Condition.Ref ref -> {
                String s = selections.get(ref.name());
                if (s == null) throw new Untranslatable("unknown search identifier " + ref.name());
                yield s;
            }
            case Condition.Quantified q -> {
                List<String> chosen = new ArrayList<>();
                Pattern names = q.pattern() == null ? null
                        : Pattern.compile(Pattern.quote(q.pattern()).replace("*", "\\E.*\\Q"));
                selections.forEach((name, expr) -> {
                    boolean hidden = name.startsWith("_") && (q.pattern() == null || !q.pattern().startsWith("_"));
                    if (!hidden && (names == null || names.matcher(name).matches())) chosen.add(expr);
                });
                if (chosen.isEmpty()) throw new Untranslatable("quantifier matches nothing");
                yield join(chosen, q.all() ? " && " : " || ");
            }
        };
    }

    /** A map is an AND of its entries, a list an OR of its items, a bare value a keyword. */
    private String selection(JsonNode node) throws Untranslatable {
        if (node.isObject()) {
            List<String> and = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                and.add(entry(e.getKey(), e.getValue()));
            }
            return join(and, " && ");
        }
        if (node.isArray()) {
            List<String> or = new ArrayList<>();
            List<JsonNode> keywords = new ArrayList<>();
            for (JsonNode item : node) {
                if (item.isObject()) or.add(selection(item));
                else keywords.add(item);
            }
            if (!keywords.isEmpty()) or.add(keywords(keywords));
            return join(or, " || ");
        }
        return keywords(List.of(node));
    }

    private String keywords(List<JsonNode> values) throws Untranslatable {
        List<String> tests = new ArrayList<>();
        for (JsonNode v : values) tests.add(stringTest(withStars(v.asText()), false));
        return "e.exists(k, e[k].exists(v, " + join(tests, " || ") + "))";
    }

    private String entry(String key, JsonNode value) throws Untranslatable {
        String[] parts = key.split("\\|", -1);
        String field = parts[0];
        Set<String> mods = new java.util.LinkedHashSet<>();
        for (int i = 1; i < parts.length; i++) {
            if (!KNOWN.contains(parts[i])) throw new Untranslatable("modifier " + parts[i]);
            mods.add(parts[i]);
        }
        String f = literal(field);
        String expr;
        List<JsonNode> values = new ArrayList<>();
        if (value.isArray()) value.forEach(values::add);
        else values.add(value);

        if (mods.contains("exists")) {
            expr = value.asBoolean() ? f + " in e" : "!(" + f + " in e)";
        } else if (values.size() == 1 && values.get(0).isNull()) {
            expr = "(!(" + f + " in e) || size(e[" + f + "]) == 0)";
        } else {
            List<String> tests = new ArrayList<>();
            for (JsonNode v : values) {
                List<String> texts = mods.contains("expand") ? expand(v.asText()) : List.of(v.asText());
                List<String> alternatives = new ArrayList<>();
                for (String text : texts) alternatives.add(valueTest(text, mods));
                tests.add(join(alternatives, " || "));
            }
            if (mods.contains("all")) {
                List<String> each = new ArrayList<>();
                for (String t : tests) each.add(f + " in e && e[" + f + "].exists(v, " + t + ")");
                expr = "(" + join(each, " && ") + ")";
            } else {
                expr = "(" + f + " in e && e[" + f + "].exists(v, " + join(tests, " || ") + "))";
            }
        }
        return mods.contains("neq") ? "!" + expr : expr;
    }

    private List<String> expand(String raw) throws Untranslatable {
        try {
            return Placeholders.expand(raw, placeholders);
        } catch (IllegalArgumentException e) {
            throw new Untranslatable(e.getMessage());
        }
    }

    private static String valueTest(String text, Set<String> mods) throws Untranslatable {
        if (mods.contains("re")) {
            String flags = (mods.contains("i") ? "i" : "") + (mods.contains("m") ? "m" : "") + (mods.contains("s") ? "s" : "");
            return "v.matches(" + literal(flags.isEmpty() ? text : "(?" + flags + ")" + text) + ")";
        }
        for (String op : List.of("lt", "lte", "gt", "gte")) {
            if (mods.contains(op)) {
                String symbol = switch (op) {
                    case "lt" -> "<";
                    case "lte" -> "<=";
                    case "gt" -> ">";
                    default -> ">=";
                };
                double bound;
                try {
                    bound = Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new Untranslatable("comparison with " + text);
                }
                return "(v.matches(" + literal(NUMBER) + ") && double(v) " + symbol + " " + bound + ")";
            }
        }
        boolean contains = mods.contains("contains");
        boolean starts = mods.contains("startswith");
        boolean ends = mods.contains("endswith");
        List<Token> tokens = tokens(text);
        if (contains || ends) tokens.addFirst(Token.STAR);
        if (contains || starts) tokens.addLast(Token.STAR);
        return stringTest(tokens, mods.contains("cased"));
    }

    /** Plain comparisons for the four simple shapes, a regular expression for any other wildcard shape. */
    private static String stringTest(List<Token> tokens, boolean cased) {
        String subject = cased ? "v" : "v.lowerAscii()";
        boolean leading = !tokens.isEmpty() && tokens.getFirst() == Token.STAR;
        boolean trailing = tokens.size() > 1 && tokens.getLast() == Token.STAR;
        List<Token> inner = tokens.subList(leading ? 1 : 0, tokens.size() - (trailing ? 1 : 0));
        if (inner.size() <= 1 && (inner.isEmpty() || inner.getFirst().text != null)) {
            String lit = inner.isEmpty() ? "" : inner.getFirst().text;
            if (!cased) lit = lit.toLowerCase(java.util.Locale.ROOT);
            String l = literal(lit);
            if (leading && trailing) return subject + ".contains(" + l + ")";
            if (leading) return subject + ".endsWith(" + l + ")";
            if (trailing) return subject + ".startsWith(" + l + ")";
            return subject + " == " + l;
        }
        StringBuilder re = new StringBuilder(cased ? "^" : "(?i)^");
        for (Token t : tokens) {
            if (t == Token.STAR) re.append("(?s:.*)");
            else if (t == Token.ANY) re.append("(?s:.)");
            else re.append(Pattern.quote(t.text));
        }
        return "v.matches(" + literal(re.append('$').toString()) + ")";
    }

    /** A piece of a Sigma string: literal text, {@code *} or {@code ?}. */
    private record Token(String text) {
        static final Token STAR = new Token(null);
        static final Token ANY = new Token(null);
    }

    /** A keyword is searched for within strings. */
    private static List<Token> withStars(String text) {
        List<Token> tokens = tokens(text);
        tokens.addFirst(Token.STAR);
        tokens.addLast(Token.STAR);
        return tokens;
    }

    /** Splits at unescaped wildcards; {@code \*}, {@code \?} and {@code \\} are literal. */
    private static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && "*?\\".indexOf(text.charAt(i + 1)) >= 0) {
                lit.append(text.charAt(++i));
            } else if (c == '*' || c == '?') {
                if (!lit.isEmpty()) out.add(new Token(lit.toString()));
                lit.setLength(0);
                out.add(c == '*' ? Token.STAR : Token.ANY);
            } else {
                lit.append(c);
            }
        }
        if (!lit.isEmpty() || out.isEmpty()) out.add(new Token(lit.toString()));
        return out;
    }

    /** A CEL string literal. */
    static String literal(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }

    private static String join(List<String> parts, String op) {
        if (parts.size() == 1) return parts.getFirst();
        return "(" + String.join(op, parts) + ")";
    }
}
