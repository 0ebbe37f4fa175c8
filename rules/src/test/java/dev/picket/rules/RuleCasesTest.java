package dev.picket.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.picket.engine.rule.RuleInfo;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every case of every built-in {@code X.test.yml}: its events, fed in order through a fresh engine
 * over the whole built-in rule set, make X's rule fire ({@code fires: true}) or not.
 */
class RuleCasesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyCaseOfEveryBuiltinRule() {
        BuiltinRules builtin = BuiltinRules.load();
        List<DynamicTest> tests = new ArrayList<>();
        for (BuiltinRules.RuleFile file : builtin.rules()) {
            builtin.testsOf(file.name()).ifPresent(cases -> {
                RuleInfo rule = ruleOf(file.name());
                for (JsonNode c : read(cases).path("cases")) {
                    tests.add(DynamicTest.dynamicTest(rule.ruleId() + ": " + c.path("name").asText(),
                            () -> check(rule, cases.name(), c)));
                }
            });
        }
        return tests.stream();
    }

    private static void check(RuleInfo rule, String source, JsonNode c) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (JsonNode event : c.path("events")) {
            lines.append(event.isTextual() ? event.asText() : JSON.writeValueAsString(event)).append('\n');
        }
        List<String> fired = BuiltinRuleRun.firedRuleIds(source, lines.toString());
        if (c.path("fires").asBoolean()) {
            assertThat(fired).as("rules fired").contains(rule.ruleId());
        } else {
            assertThat(fired).as("rules fired").doesNotContain(rule.ruleId());
        }
    }

    /** The rule a file is about: its first document. */
    private static RuleInfo ruleOf(String file) {
        return BuiltinRuleRun.RULES.rules().stream().filter(r -> r.file().equals(file))
                .min((a, b) -> Integer.compare(a.line(), b.line()))
                .orElseThrow(() -> new IllegalStateException(file + " holds no rule"));
    }

    private static JsonNode read(BuiltinRules.RuleFile file) {
        try {
            return YAML.readTree(file.text());
        } catch (IOException e) {
            throw new UncheckedIOException(file.name(), e);
        }
    }
}
