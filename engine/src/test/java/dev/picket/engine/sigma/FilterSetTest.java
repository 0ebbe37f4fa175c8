package dev.picket.engine.sigma;

import dev.picket.engine.rule.RuleError;
import dev.picket.engine.rule.RuleInfo;
import dev.picket.engine.rule.RuleLoadException;
import dev.picket.engine.testing.Events;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.picket.engine.testing.TestRules.matches;
import static dev.picket.engine.testing.TestRules.ruleSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Filters compiled apart from a rule set: they name the filter a match falls under and drop nothing. */
class FilterSetTest {
    private static final String RULES = """
            title: Netcat
            name: netcat
            logsource: {product: linux, category: process_creation}
            detection:
                selection:
                    Image|endswith: /nc
                condition: selection
            """;

    private static final String FILTER = """
            title: Netcat is the CI health probe
            id: f-1
            expires: 2026-12-01T00:00:00Z
            logsource: {product: linux, category: process_creation}
            filter:
                rules: [netcat]
                scope:
                    k8s.namespace: ci
                condition: scope
            """;

    @Test
    void aMatchingFilterIsNamedAndTheRuleStillMatches() throws Exception {
        RuleSet rules = ruleSet(RULES);
        FilterSet filters = FilterSet.compile(rules, Map.of("filters/f-1.yml", FILTER));
        var event = Events.linux("process_creation", "{'Image': '/bin/nc', 'k8s': {'namespace': 'ci'}}");

        assertThat(matches(rules, event)).isNotEmpty();
        assertThat(filters.matching("netcat", event)).map(RuleInfo::id).contains("f-1");
        assertThat(filters.filters()).singleElement()
                .satisfies(f -> assertThat(f.document().get("expires").asText()).isEqualTo("2026-12-01T00:00:00Z"));
    }

    @Test
    void anEventOutsideTheScopeOrAnotherRuleHasNoFilter() throws Exception {
        FilterSet filters = FilterSet.compile(ruleSet(RULES), Map.of("f.yml", FILTER));
        assertThat(filters.matching("netcat", Events.linux("process_creation", "{'Image': '/bin/nc', 'k8s': {'namespace': 'shop'}}"))).isEmpty();
        assertThat(filters.matching("other", Events.linux("process_creation", "{'Image': '/bin/nc', 'k8s': {'namespace': 'ci'}}"))).isEmpty();
    }

    @Test
    void brokenFilesAreReportedWithFileAndLine() {
        String unknownRule = FILTER.replace("rules: [netcat]", "rules: [nope]");
        String detection = RULES.replace("name: netcat", "name: other");
        assertThatThrownBy(() -> FilterSet.compile(ruleSet(RULES), Map.of("a.yml", unknownRule)))
                .isInstanceOfSatisfying(RuleLoadException.class, e -> assertThat(e.errors())
                        .containsExactly(new RuleError("a.yml", 6, "filter refers to unknown rule 'nope'")));
        assertThatThrownBy(() -> FilterSet.compile(ruleSet(RULES), Map.of("b.yml", detection)))
                .isInstanceOfSatisfying(RuleLoadException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(err -> assertThat(err.message()).contains("only Sigma filters")));
    }
}
