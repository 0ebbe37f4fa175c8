package dev.picket.rules;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every test case of every built-in rule, one JUnit test each, named by rule file and case. */
class BuiltinRuleTests {

    @TestFactory
    Stream<DynamicTest> everyBuiltinRuleCase() throws Exception {
        RuleSources sources = new RuleSources(BuiltinRules.load()).addBuiltin();
        RuleTests tests = new RuleTests(sources.build());
        List<RuleTests.Planned> plan = RuleTests.plan(sources);
        return plan.stream().map(p -> DynamicTest.dynamicTest(
                p.ruleFile() + " / " + p.testCase().name(),
                () -> {
                    RuleTests.Result r = tests.run(p);
                    assertThat(r.passed()).as(r.toString()).isTrue();
                }));
    }
}
