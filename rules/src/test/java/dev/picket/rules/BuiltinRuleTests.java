package dev.picket.rules;

import dev.picket.engine.attack.AttackCatalogue;
import dev.picket.engine.rule.RuleInfo;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What every built-in rule must satisfy: its test cases pass, and its ATT&CK tags are ATT&CK 19's. */
class BuiltinRuleTests {
    private static final RuleSources SOURCES = new RuleSources(BuiltinRules.load()).addBuiltin();

    /**
     * Every case of every built-in {@code X.test.yml}, one JUnit test each, named by rule and case: its
     * events, fed in order through a fresh engine over the whole built-in rule set, make X's rule fire
     * ({@code fires: true}) or not.
     */
    @TestFactory
    Stream<DynamicTest> everyBuiltinRuleCase() throws Exception {
        RuleTests tests = new RuleTests(SOURCES.build());
        List<RuleTests.Planned> plan = tests.plan(SOURCES);
        return plan.stream().map(p -> DynamicTest.dynamicTest(
                p.rule().ruleId() + ": " + p.testCase().name(),
                () -> {
                    RuleTests.Result r = tests.run(p);
                    assertThat(r.passed()).as(r.toString()).isTrue();
                }));
    }

    @Test
    void everyBuiltinRuleFileHasTestsBesideIt() throws Exception {
        for (RuleSources.Source rule : SOURCES.sources()) {
            assertThat(SOURCES.testsOf(rule)).as(rule.name() + " has no test file").isNotNull();
        }
    }

    @Test
    void everyBuiltinRuleHasACaseThatFiresItAndANearMissThatMustNot() throws Exception {
        Map<String, Set<Boolean>> outcomes = new TreeMap<>();
        for (RuleTests.Planned p : new RuleTests(SOURCES.build()).plan(SOURCES)) {
            outcomes.computeIfAbsent(p.ruleFile(), f -> new HashSet<>()).add(p.testCase().fires());
        }
        assertThat(outcomes).hasSameSizeAs(SOURCES.sources());
        outcomes.forEach((file, fires) -> assertThat(fires).as(file).containsExactlyInAnyOrder(true, false));
    }

    @Test
    void everyBuiltinRuleCarriesKnownAttack19Tags() throws Exception {
        AttackCatalogue attack = AttackCatalogue.bundled();
        for (RuleInfo rule : SOURCES.build().rules()) {
            assertThat(attack.problems(rule.tags())).as(rule.file() + ":" + rule.line()).isEmpty();
        }
    }
}
