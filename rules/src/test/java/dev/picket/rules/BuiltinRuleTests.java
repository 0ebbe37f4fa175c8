package dev.picket.rules;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every case of every built-in {@code X.test.yml}, one JUnit test each, named by rule and case: its
 * events, fed in order through a fresh engine over the whole built-in rule set, make X's rule fire
 * ({@code fires: true}) or not.
 */
class BuiltinRuleTests {

    @TestFactory
    Stream<DynamicTest> everyBuiltinRuleCase() throws Exception {
        RuleSources sources = new RuleSources(BuiltinRules.load()).addBuiltin();
        RuleTests tests = new RuleTests(sources.build());
        List<RuleTests.Planned> plan = tests.plan(sources);
        return plan.stream().map(p -> DynamicTest.dynamicTest(
                p.rule().ruleId() + ": " + p.testCase().name(),
                () -> {
                    RuleTests.Result r = tests.run(p);
                    assertThat(r.passed()).as(r.toString()).isTrue();
                }));
    }
}
