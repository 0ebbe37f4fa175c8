package dev.picket.engine.sigma;

import dev.picket.engine.testing.Events;
import org.junit.jupiter.api.Test;

import static dev.picket.engine.testing.TestRules.errors;
import static dev.picket.engine.testing.TestRules.matches;
import static dev.picket.engine.testing.TestRules.ruleSet;
import static org.assertj.core.api.Assertions.assertThat;

/** Sigma filters specification: global filters suppress matches of the rules they name. */
class FilterTest {

    private static final String RULES = """
            title: Shell in container
            id: 6f3e2987-db24-4c78-a860-b4f4095a7095
            logsource:
                product: linux
                category: process_creation
            detection:
                selection:
                    Image|endswith: /sh
                condition: selection
            ---
            title: Netcat
            name: netcat
            logsource:
                product: linux
                category: process_creation
            detection:
                selection:
                    Image|endswith: /nc
                condition: selection
            """;

    private static final String FILTER = """
            title: CI runners may start shells
            logsource:
                product: linux
                category: process_creation
            filter:
                rules:
                    - 6f3e2987-db24-4c78-a860-b4f4095a7095
                    - netcat
                selection:
                    k8s.namespace: ci
                ci_user:
                    User|startswith: 'runner'
                condition: selection or ci_user
            """;

    @Test
    void aMatchingFilterSuppressesTheRulesItNames() {
        RuleSet rules = ruleSet(RULES, FILTER);
        assertThat(matches(rules, Events.linux("process_creation", "{'Image': '/bin/sh', 'k8s': {'namespace': 'ci'}}"))).isEmpty();
        assertThat(matches(rules, Events.linux("process_creation", "{'Image': '/bin/nc', 'User': 'runner-7'}"))).isEmpty();
    }

    @Test
    void aFilterThatDoesNotMatchLeavesTheMatch() {
        RuleSet rules = ruleSet(RULES, FILTER);
        assertThat(matches(rules, Events.linux("process_creation", "{'Image': '/bin/sh', 'k8s': {'namespace': 'prod'}}")))
                .containsExactly("6f3e2987-db24-4c78-a860-b4f4095a7095");
    }

    @Test
    void aFilterOnlyTouchesTheRulesItNames() {
        String onlyShell = FILTER.replace("        - netcat\n", "");
        RuleSet rules = ruleSet(RULES, onlyShell);
        assertThat(matches(rules, Events.linux("process_creation", "{'Image': '/bin/nc', 'k8s': {'namespace': 'ci'}}")))
                .containsExactly("netcat");
    }

    @Test
    void aFilterOnlyAppliesToEventsOfItsLogSource() {
        String rule = """
                title: Root anywhere
                name: root
                logsource:
                    product: linux
                detection:
                    selection:
                        User: root
                    condition: selection
                """;
        String filter = """
                title: Root files are fine
                logsource:
                    product: linux
                    category: file_event
                filter:
                    rules: root
                    selection:
                        User: root
                    condition: selection
                """;
        RuleSet rules = ruleSet(rule, filter);
        assertThat(matches(rules, Events.linux("file_event", "{'User': 'root'}"))).isEmpty();
        assertThat(matches(rules, Events.linux("process_creation", "{'User': 'root'}"))).containsExactly("root");
    }

    @Test
    void filtersAreListedApartFromRules() {
        RuleSet rules = ruleSet(RULES, FILTER);
        assertThat(rules.rules()).hasSize(2);
        assertThat(rules.filters()).singleElement().extracting(i -> i.title()).isEqualTo("CI runners may start shells");
    }

    @Test
    void aFilterNamingAnUnknownRuleIsAnError() {
        assertThat(errors(RULES, FILTER.replace("- netcat", "- netcta"))).containsExactly(
                "test-2.yml:8: filter refers to unknown rule 'netcta'");
    }

    @Test
    void aFilterNeedsRulesAndACondition() {
        assertThat(errors(RULES, """
                title: incomplete
                logsource:
                    product: linux
                filter:
                    selection:
                        User: root
                """)).containsExactly(
                "test-2.yml:4: missing filter.rules (the rules to filter)",
                "test-2.yml:5: missing condition");
    }
}
