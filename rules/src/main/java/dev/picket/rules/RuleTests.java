package dev.picket.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.engine.Engine;
import dev.picket.engine.Match;
import dev.picket.engine.event.Event;
import dev.picket.engine.rule.RuleError;
import dev.picket.engine.rule.RuleInfo;
import dev.picket.engine.sigma.RuleSet;
import dev.picket.io.decode.DecodeError;
import dev.picket.io.decode.DecodeSettings;
import dev.picket.io.decode.InputReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs rule tests. A rule file {@code X.yml} may have {@code X.test.yml} beside it with cases; each
 * case's events are decoded as {@code picket detect} would decode them (format recognised per event)
 * and fed in order through the whole rule set on a fresh engine, so filters and correlations take
 * part. The case passes when the rule under test fires exactly when {@code fires} says: the rule of
 * {@code X.yml} named {@code X}, else the file's first rule. Other rules firing (helper rules of the
 * same file included) do not count; they are named in a failure's detail.
 */
public final class RuleTests {

    /** One test case; {@code file}:{@code line} is where it is written. */
    public record Case(String file, int line, String name, boolean fires, List<JsonNode> events) {
        public Case {
            events = List.copyOf(events);
        }

        public String where() {
            return file + ":" + line;
        }
    }

    /** A case to run against the rule {@code rule} of {@code ruleFile} (the name the rule set knows the file by). */
    public record Planned(String ruleFile, RuleInfo rule, Case testCase) {
    }

    /** The outcome of one case; {@code detail} says what went wrong, or what fired. */
    public record Result(Planned planned, boolean passed, String detail) {
        @Override
        public String toString() {
            Case c = planned.testCase();
            return (passed ? "PASS " : "FAIL ") + c.where() + ": " + c.name() + (passed ? "" : ": " + detail);
        }
    }

    private final RuleSet rules;
    private final InputReader reader = new InputReader(DecodeSettings.defaults(Clock.systemUTC()));

    public RuleTests(RuleSet rules) {
        this.rules = rules;
    }

    /**
     * The cases of every source that has a test file beside it, in source order.
     *
     * @throws RuleTestException with every problem of every test file
     */
    public List<Planned> plan(RuleSources sources) throws RuleTestException, IOException {
        List<Planned> out = new ArrayList<>();
        List<RuleError> errors = new ArrayList<>();
        for (RuleSources.Source file : sources.sources()) {
            RuleSources.Source tests = sources.testsOf(file);
            if (tests == null) continue;
            RuleInfo rule = ruleUnderTest(file.name());
            if (rule == null) {
                errors.add(new RuleError(tests.name(), 1, "no detection or correlation rule in " + file.name() + " to test"));
                continue;
            }
            try {
                RuleTestFile.parse(tests.name(), tests.text()).forEach(c -> out.add(new Planned(file.name(), rule, c)));
            } catch (RuleTestException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) throw new RuleTestException(errors);
        return out;
    }

    /** The rule of the file named like the file (X for X.yml), else its first; null when it has none. */
    private RuleInfo ruleUnderTest(String file) {
        List<RuleInfo> inFile = rules.rules().stream().filter(r -> r.file().equals(file)).toList();
        String base = Path.of(file).getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return inFile.stream().filter(r -> base.equals(r.name())).findFirst()
                .orElse(inFile.stream().min(Comparator.comparingInt(RuleInfo::line)).orElse(null));
    }

    public Result run(Planned planned) {
        Case c = planned.testCase();
        Engine engine = new Engine(rules);
        Set<String> others = new LinkedHashSet<>();
        int firedAt = 0;
        for (int i = 0; i < c.events().size(); i++) {
            List<Event> decoded = new ArrayList<>(1);
            List<DecodeError> errors = new ArrayList<>(1);
            decode(c, c.events().get(i), decoded, errors);
            // A record that decodes to nothing (another program's log line) is valid noise, not a failure.
            if (!errors.isEmpty()) {
                return new Result(planned, false, "event " + (i + 1) + " does not decode: " + errors.get(0).reason());
            }
            List<Match> matches = new ArrayList<>();
            decoded.forEach(e -> engine.process(e, matches::add));
            for (Match m : matches) {
                if (isRuleUnderTest(m.rule(), planned.rule())) {
                    if (firedAt == 0) firedAt = i + 1;
                } else {
                    others.add(m.rule().ruleId());
                }
            }
        }
        String also = others.isEmpty() ? "" : " (other rules that fired: " + String.join(", ", others) + ")";
        if (c.fires() && firedAt == 0) return new Result(planned, false, "expected the rule to fire, it did not" + also);
        if (!c.fires() && firedAt > 0) return new Result(planned, false, "the rule fired on event " + firedAt + " but must not");
        return new Result(planned, true, firedAt > 0 ? "fired on event " + firedAt : "did not fire");
    }

    private static boolean isRuleUnderTest(RuleInfo fired, RuleInfo underTest) {
        return fired.file().equals(underTest.file()) && fired.line() == underTest.line();
    }

    /** One raw record as its own input: a JSON object on one line, or a log line. */
    private void decode(Case c, JsonNode record, List<Event> events, List<DecodeError> errors) {
        String line = record.isTextual() ? record.asText() : record.toString();
        try {
            reader.read(c.file(), new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8)),
                    events::add, errors::add);
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
    }
}
