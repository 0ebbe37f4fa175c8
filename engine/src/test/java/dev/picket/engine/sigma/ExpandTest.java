package dev.picket.engine.sigma;

import dev.picket.engine.rule.RuleLoadException;
import dev.picket.engine.testing.TestRules;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rules specification, "Placeholders", and the {@code expand} modifier. */
class ExpandTest {

    private static final Map<String, List<String>> PLACEHOLDERS = Map.of(
            "Administrators", List.of("root", "admin*"),
            "Domain", List.of("corp.example", "lab.example"),
            "TorExits", List.of("185.220.101.0/24", "192.0.2.7"));

    private static RuleSet rules(String key, String value) throws RuleLoadException {
        return RuleSet.builder().placeholders(PLACEHOLDERS).add("expand.yml", Sigma.rule("""
                selection:
                    %s: '%s'
                condition: selection
                """.formatted(key, value))).build();
    }

    private static boolean matches(RuleSet rules, String json) {
        return !TestRules.matches(rules, Sigma.event(json)).isEmpty();
    }

    @Test
    void aPlaceholderBecomesEachOfItsValues() throws Exception {
        RuleSet rules = rules("User|expand", "%Administrators%");
        assertThat(matches(rules, "{'User': 'root'}")).isTrue();
        assertThat(matches(rules, "{'User': 'admin_bob'}")).isTrue();
        assertThat(matches(rules, "{'User': 'bob'}")).isFalse();
    }

    @Test
    void placeholdersInsideTextAndSeveralOfThem() throws Exception {
        RuleSet rules = rules("Login|expand", "%Administrators%@%Domain%");
        assertThat(matches(rules, "{'Login': 'root@lab.example'}")).isTrue();
        assertThat(matches(rules, "{'Login': 'admin2@corp.example'}")).isTrue();
        assertThat(matches(rules, "{'Login': 'root@evil.example'}")).isFalse();
    }

    @Test
    void escapedPercentIsPlain() throws Exception {
        RuleSet rules = rules("Text|expand", "\\%plain%Domain%");
        assertThat(matches(rules, "{'Text': '%plaincorp.example'}")).isTrue();
        assertThat(matches(rules, "{'Text': 'plaincorp.example'}")).isFalse();
    }

    @Test
    void withoutExpandPercentIsLiteral() throws Exception {
        RuleSet rules = rules("User", "%Administrators%");
        assertThat(matches(rules, "{'User': '%Administrators%'}")).isTrue();
        assertThat(matches(rules, "{'User': 'root'}")).isFalse();
    }

    @Test
    void aPlaceholderOfNetworksFeedsCidr() throws Exception {
        RuleSet rules = rules("SourceIp|cidr|expand", "%TorExits%");
        assertThat(matches(rules, "{'SourceIp': '185.220.101.47'}")).isTrue();
        assertThat(matches(rules, "{'SourceIp': '192.0.2.7'}")).isTrue();
        assertThat(matches(rules, "{'SourceIp': '185.220.102.1'}")).isFalse();
        assertThat(matches(rules, "{'SourceIp': '192.0.2.8'}")).isFalse();
    }

    @Test
    void expandStaysOffOtherTypedModifiers() {
        assertThatThrownBy(() -> rules("Count|gt|expand", "%Administrators%"))
                .isInstanceOfSatisfying(RuleLoadException.class, e -> assertThat(e.errors())
                        .singleElement().asString().contains("'expand' cannot be combined with 'gt'"));
    }

    @Test
    void allOverOnePlaceholderRequiresEachOfItsValues() throws Exception {
        RuleSet rules = rules("Text|contains|all|expand", "%Domain%");
        assertThat(matches(rules, "{'Text': 'corp.example trusts lab.example'}")).isTrue();
        assertThat(matches(rules, "{'Text': 'corp.example only'}")).isFalse();
    }

    @Test
    void aMissingPlaceholderIsAnError() {
        assertThatThrownBy(() -> rules("User|expand", "%Servers%"))
                .isInstanceOfSatisfying(RuleLoadException.class, e -> assertThat(e.errors())
                        .singleElement().asString().isEqualTo("expand.yml:7: no values for placeholder %Servers%"));
    }
}
