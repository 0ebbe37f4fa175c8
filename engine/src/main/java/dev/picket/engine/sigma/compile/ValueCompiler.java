package dev.picket.engine.sigma.compile;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.picket.engine.event.FieldPath;
import dev.picket.engine.sigma.parse.RuleSyntaxException;
import dev.picket.engine.sigma.parse.YamlList;
import dev.picket.engine.sigma.parse.YamlNode;
import dev.picket.engine.sigma.parse.YamlScalar;
import dev.picket.engine.sigma.value.CidrTest;
import dev.picket.engine.sigma.value.CompareTest;
import dev.picket.engine.sigma.value.Modifier;
import dev.picket.engine.sigma.value.RegexTest;
import dev.picket.engine.sigma.value.SigmaString;
import dev.picket.engine.sigma.value.SigmaValue;
import dev.picket.engine.sigma.value.StringMatcher;
import dev.picket.engine.sigma.value.TextTest;
import dev.picket.engine.sigma.value.TimePart;
import dev.picket.engine.sigma.value.TimePartTest;
import dev.picket.engine.sigma.value.ValueTest;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles one selection entry, {@code field|mod1|mod2: value(s)}, into a matcher: parses and
 * checks the modifier chain, runs the transforming modifiers over the values in the order
 * written, and builds one value test per resulting value. An empty field name is a keyword search.
 */
public final class ValueCompiler {
    private final Map<String, List<String>> placeholders;
    private final Set<String> fields;

    /**
     * @param placeholders values for {@code expand}
     * @param fields       receives every field name the compiled entries read
     */
    public ValueCompiler(Map<String, List<String>> placeholders, Set<String> fields) {
        this.placeholders = placeholders;
        this.fields = fields;
    }

    /** The modifier chain of one entry, sorted by role. */
    private static final class Chain {
        final List<Modifier> transforms = new ArrayList<>();
        final EnumSet<Modifier> given = EnumSet.noneOf(Modifier.class);
        Modifier type; // re, cidr, exists, fieldref, lt..gte
        TimePart timePart;

        boolean has(Modifier m) {
            return given.contains(m);
        }

        boolean positional() {
            return has(Modifier.CONTAINS) || has(Modifier.STARTSWITH) || has(Modifier.ENDSWITH);
        }
    }

    public Matcher compile(String key, int line, YamlNode value) {
        String[] parts = key.split("\\|", -1);
        String field = parts[0].strip();
        boolean keyword = field.isEmpty();
        Chain chain = chain(parts, line);
        List<YamlScalar> values = values(value);
        if (!keyword) fields.add(field);
        FieldPath path = keyword ? null : FieldPath.of(field);

        if (chain.has(Modifier.ALL) && values.size() < 2 && !chain.has(Modifier.EXPAND)) { // a placeholder may hold several
            throw new RuleSyntaxException(line, "'all' needs a list of at least two values");
        }
        if (values.size() == 1 && values.get(0).isNull()) return nullMatch(path, chain, line);
        for (YamlScalar v : values) {
            if (v.isNull()) {
                throw new RuleSyntaxException(v.line(), "null cannot be part of a list of values; use its own selection");
            }
        }
        if (keyword && chain.type != null && chain.type != Modifier.RE) {
            throw new RuleSyntaxException(line, "'" + chain.type.word() + "' needs a field name");
        }
        if (keyword && chain.timePart != null) {
            throw new RuleSyntaxException(line, "time modifiers need a field name");
        }

        Matcher m;
        if (chain.type == Modifier.EXISTS) {
            m = exists(path, values, line);
        } else if (chain.type == Modifier.FIELDREF) {
            m = fieldRef(path, chain, values);
        } else {
            ValueTest[] tests = tests(chain, values, keyword, line);
            boolean all = chain.has(Modifier.ALL);
            m = keyword ? new KeywordMatch(tests, all) : new FieldMatch(path, tests, all);
        }
        return chain.has(Modifier.NEQ) ? new Matcher.Not(m) : m;
    }

    private static Chain chain(String[] parts, int line) {
        Chain chain = new Chain();
        for (int i = 1; i < parts.length; i++) {
            String name = parts[i].strip();
            Modifier m = Modifier.named(name);
            if (m == null) {
                throw new RuleSyntaxException(line, name.isEmpty() ? "empty modifier after '|'" : "unknown modifier '" + name + "'");
            }
            if (!chain.given.add(m)) throw new RuleSyntaxException(line, "modifier '" + name + "' given twice");
            if (m.transforms()) {
                chain.transforms.add(m);
            } else if (m.isRegexFlag()) {
                if (chain.type != Modifier.RE) {
                    throw new RuleSyntaxException(line, "'" + name + "' is a sub-modifier of 're' and must follow it");
                }
            } else if (m.timePart() != null) {
                if (chain.timePart != null) throw new RuleSyntaxException(line, "only one time modifier may be given");
                if (chain.type != null) throw new RuleSyntaxException(line, "'" + name + "' must come before '" + chain.type.word() + "'");
                chain.timePart = m.timePart();
            } else if (m == Modifier.RE || m == Modifier.CIDR || m == Modifier.EXISTS || m == Modifier.FIELDREF
                    || m.comparison() != null) {
                if (chain.type != null) {
                    throw new RuleSyntaxException(line, "'" + name + "' cannot be combined with '" + chain.type.word() + "'");
                }
                chain.type = m;
            }
        }
        checkCombination(chain, line);
        return chain;
    }

    /** Modifiers that give a value a type other than a Sigma string take no string transforms. */
    private static void checkCombination(Chain chain, int line) {
        Modifier type = chain.type;
        if (type == null) {
            if (chain.timePart != null && !chain.transforms.isEmpty()) {
                throw new RuleSyntaxException(line, "time modifiers cannot be combined with '" + chain.transforms.get(0).word() + "'");
            }
            return;
        }
        boolean fieldRefPlacement = type == Modifier.FIELDREF
                && chain.transforms.stream().allMatch(t -> t == Modifier.CONTAINS || t == Modifier.STARTSWITH || t == Modifier.ENDSWITH)
                && chain.transforms.size() <= 1;
        if (!chain.transforms.isEmpty() && !fieldRefPlacement) {
            throw new RuleSyntaxException(line, "'" + type.word() + "' cannot be combined with '" + chain.transforms.get(0).word() + "'");
        }
        // Network lists (threat intelligence, pod ranges) are data like any other placeholder.
        if (chain.has(Modifier.EXPAND) && type != Modifier.CIDR) {
            throw new RuleSyntaxException(line, "'expand' cannot be combined with '" + type.word() + "'");
        }
        if (chain.timePart != null && type.comparison() == null) {
            throw new RuleSyntaxException(line, "time modifiers cannot be combined with '" + type.word() + "'");
        }
        if (type == Modifier.EXISTS && chain.given.size() > 1) {
            throw new RuleSyntaxException(line, "'exists' takes no other modifiers");
        }
    }

    private static List<YamlScalar> values(YamlNode node) {
        List<YamlScalar> out = new ArrayList<>();
        if (node instanceof YamlScalar s) {
            out.add(s);
        } else if (node instanceof YamlList list) {
            if (list.items().isEmpty()) throw new RuleSyntaxException(list.line(), "empty list of values");
            for (YamlNode item : list.items()) {
                if (!(item instanceof YamlScalar s)) {
                    throw new RuleSyntaxException(item.line(), "a value must be a string, number, boolean or null, not " + item.kind());
                }
                out.add(s);
            }
        } else {
            throw new RuleSyntaxException(node.line(), "a field's value must be a value or a list of values, not " + node.kind());
        }
        return out;
    }

    private static Matcher nullMatch(FieldPath path, Chain chain, int line) {
        if (path == null) throw new RuleSyntaxException(line, "a keyword cannot be null");
        if (!chain.given.isEmpty() && !chain.given.equals(EnumSet.of(Modifier.NEQ))) {
            throw new RuleSyntaxException(line, "null takes no modifiers (except neq)");
        }
        Matcher isNull = new FieldPresence(path, FieldPresence.Mode.NULL);
        return chain.has(Modifier.NEQ) ? new Matcher.Not(isNull) : isNull;
    }

    private static Matcher exists(FieldPath path, List<YamlScalar> values, int line) {
        YamlScalar v = values.get(0);
        if (values.size() != 1 || v.type() != YamlScalar.Type.BOOLEAN) {
            throw new RuleSyntaxException(line, "'exists' takes true or false");
        }
        boolean exists = v.value().booleanValue();
        return new FieldPresence(path, exists ? FieldPresence.Mode.EXISTS : FieldPresence.Mode.ABSENT);
    }

    private Matcher fieldRef(FieldPath path, Chain chain, List<YamlScalar> values) {
        StringMatcher.Kind kind = chain.has(Modifier.CONTAINS) ? StringMatcher.Kind.CONTAINS
                : chain.has(Modifier.STARTSWITH) ? StringMatcher.Kind.PREFIX
                : chain.has(Modifier.ENDSWITH) ? StringMatcher.Kind.SUFFIX : StringMatcher.Kind.EXACT;
        List<Matcher> refs = new ArrayList<>();
        for (YamlScalar v : values) {
            if (v.type() != YamlScalar.Type.STRING || v.text().isBlank()) {
                throw new RuleSyntaxException(v.line(), "'fieldref' takes field names");
            }
            fields.add(v.text().strip());
            refs.add(new FieldRefMatch(path, FieldPath.of(v.text().strip()), kind, chain.has(Modifier.CASED)));
        }
        return chain.has(Modifier.ALL) ? Matcher.and(refs) : Matcher.or(refs);
    }

    private ValueTest[] tests(Chain chain, List<YamlScalar> values, boolean keyword, int line) {
        List<ValueTest> tests = new ArrayList<>();
        for (YamlScalar v : values) {
            try {
                if (chain.type == Modifier.RE) {
                    tests.add(regex(chain, v));
                } else if (chain.type == Modifier.CIDR) {
                    List<String> networks = chain.has(Modifier.EXPAND) ? Placeholders.expand(v.text(), placeholders) : List.of(v.text());
                    for (String network : networks) tests.add(CidrTest.parse(network));
                } else if (chain.type != null || chain.timePart != null) {
                    tests.add(numeric(chain, v));
                } else {
                    strings(chain, v, keyword, tests);
                }
            } catch (IllegalArgumentException e) {
                throw new RuleSyntaxException(v.line(), e.getMessage());
            }
        }
        return tests.toArray(ValueTest[]::new);
    }

    private static ValueTest regex(Chain chain, YamlScalar v) {
        int flags = 0;
        if (chain.has(Modifier.I)) flags |= Pattern.CASE_INSENSITIVE;
        if (chain.has(Modifier.M)) flags |= Pattern.MULTILINE;
        if (chain.has(Modifier.S)) flags |= Pattern.DOTALL;
        try {
            return new RegexTest(Pattern.compile(v.text(), flags));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid regular expression: " + e.getMessage());
        }
    }

    private static ValueTest numeric(Chain chain, YamlScalar v) {
        double bound = CompareTest.parse(v.text());
        if (v.type() == YamlScalar.Type.BOOLEAN || Double.isNaN(bound)) {
            throw new IllegalArgumentException("'" + (chain.type != null ? chain.type.word() : "time modifier")
                    + "' takes a number, not '" + v.text() + "'");
        }
        CompareTest.Op op = chain.type == null ? CompareTest.Op.EQ : chain.type.comparison();
        return chain.timePart == null ? new CompareTest(op, bound) : new TimePartTest(chain.timePart, op, bound);
    }

    private void strings(Chain chain, YamlScalar v, boolean keyword, List<ValueTest> out) {
        List<SigmaValue> current = new ArrayList<>();
        List<String> raws = chain.has(Modifier.EXPAND) ? Placeholders.expand(v.text(), placeholders) : List.of(v.text());
        for (String raw : raws) current.add(SigmaValue.of(SigmaString.parse(raw)));
        List<Modifier> transforms = new ArrayList<>(chain.transforms);
        if (keyword && !chain.positional()) transforms.add(Modifier.CONTAINS); // a keyword is searched for within strings
        for (Modifier m : transforms) {
            List<SigmaValue> next = new ArrayList<>();
            for (SigmaValue value : current) next.addAll(value.apply(m));
            current = next;
        }
        boolean literalNumber = v.type() == YamlScalar.Type.NUMBER && chain.transforms.isEmpty();
        double number = literalNumber ? v.value().doubleValue() : 0;
        boolean fromString = v.type() == YamlScalar.Type.STRING;
        for (SigmaValue value : current) {
            StringMatcher matcher = StringMatcher.of(value.matchable(), chain.has(Modifier.CASED) || value.encoded());
            out.add(new TextTest(matcher, literalNumber, number, fromString));
        }
    }
}
