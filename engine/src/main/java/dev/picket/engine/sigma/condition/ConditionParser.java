package dev.picket.engine.sigma.condition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recursive-descent parser for Sigma conditions. Precedence, least to most binding: {@code or},
 * {@code and}, {@code not}, {@code x of pattern}, parentheses. Keywords are case-insensitive.
 *
 * <pre>
 * or    := and ('or' and)*
 * and   := not ('and' not)*
 * not   := 'not' not | atom
 * atom  := '(' or ')' | ('1' | 'any' | 'all') 'of' (pattern | 'them') | identifier
 * </pre>
 */
public final class ConditionParser {
    private final String text;
    private final List<String> tokens;
    private int next;

    private ConditionParser(String text) {
        this.text = text;
        this.tokens = tokenize(text);
    }

    public static Condition parse(String text) throws ConditionSyntaxException {
        ConditionParser parser = new ConditionParser(text);
        if (parser.tokens.isEmpty()) throw new ConditionSyntaxException("condition is empty");
        Condition c = parser.or();
        if (parser.next < parser.tokens.size()) {
            String token = parser.tokens.get(parser.next);
            if (token.equals("|")) {
                throw new ConditionSyntaxException("aggregations after '|' are not Sigma v2; "
                        + "write a correlation rule instead");
            }
            throw parser.error("unexpected '" + token + "'");
        }
        return c;
    }

    private Condition or() throws ConditionSyntaxException {
        List<Condition> operands = new ArrayList<>(List.of(and()));
        while (keyword("or")) operands.add(and());
        return operands.size() == 1 ? operands.get(0) : new Condition.Or(operands);
    }

    private Condition and() throws ConditionSyntaxException {
        List<Condition> operands = new ArrayList<>(List.of(not()));
        while (keyword("and")) operands.add(not());
        return operands.size() == 1 ? operands.get(0) : new Condition.And(operands);
    }

    private Condition not() throws ConditionSyntaxException {
        if (keyword("not")) return new Condition.Not(not());
        return atom();
    }

    private Condition atom() throws ConditionSyntaxException {
        String token = take("a search identifier, 'not', 'x of' or '('");
        if (token.equals("(")) {
            Condition inner = or();
            if (!symbol(")")) throw error("missing ')'");
            return inner;
        }
        String word = token.toLowerCase(Locale.ROOT);
        if (peekKeyword("of")) {
            boolean all = switch (word) {
                case "all" -> true;
                case "1", "any" -> false;
                default -> throw error("only '1 of', 'any of' and 'all of' are allowed, not '" + token + " of'");
            };
            next++;
            String target = take("a search identifier pattern or 'them' after 'of'");
            if (isReserved(target)) throw error("expected a search identifier pattern or 'them', found '" + target + "'");
            return new Condition.Quantified(all, target.equalsIgnoreCase("them") ? null : target);
        }
        if (isReserved(token)) throw error("expected a search identifier, found '" + token + "'");
        return new Condition.Ref(token);
    }

    private static boolean isReserved(String token) {
        return switch (token.toLowerCase(Locale.ROOT)) {
            case "and", "or", "not", "of", "(", ")", "|" -> true;
            default -> false;
        };
    }

    private boolean keyword(String word) {
        if (peekKeyword(word)) {
            next++;
            return true;
        }
        return false;
    }

    private boolean peekKeyword(String word) {
        return next < tokens.size() && tokens.get(next).equalsIgnoreCase(word);
    }

    private boolean symbol(String s) {
        if (next < tokens.size() && tokens.get(next).equals(s)) {
            next++;
            return true;
        }
        return false;
    }

    private String take(String expected) throws ConditionSyntaxException {
        if (next >= tokens.size()) throw error("expected " + expected + " at the end");
        return tokens.get(next++);
    }

    private ConditionSyntaxException error(String message) {
        return new ConditionSyntaxException(message + " in condition '" + text + "'");
    }

    /** Words are runs of anything but blanks, parentheses and '|'; those three stand alone. */
    private static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == '|') {
                tokens.add(String.valueOf(c));
                i++;
            } else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i))
                        && "()|".indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(text.substring(start, i));
            }
        }
        return tokens;
    }
}
