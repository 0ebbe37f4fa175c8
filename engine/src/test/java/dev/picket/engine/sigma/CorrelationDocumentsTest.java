package dev.picket.engine.sigma;

import dev.picket.engine.testing.Events;
import org.junit.jupiter.api.Test;

import static dev.picket.engine.testing.TestRules.errors;
import static dev.picket.engine.testing.TestRules.matches;
import static dev.picket.engine.testing.TestRules.ruleSet;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Correlation rule documents are read and kept for the correlation engine, and the rules they
 * reference alert on their own only when a correlation says {@code generate: true}.
 */
class CorrelationDocumentsTest {

    private static final String FAILED_LOGIN = """
            title: Failed login
            name: failed_login
            logsource:
                product: linux
                service: sshd
            detection:
                selection:
                    EventType: failed_password
                condition: selection
            """;

    private static String correlation(String extra) {
        return """
                title: Brute force
                id: 0e95725d-7320-415d-80f7-004da920fc11
                level: high
                correlation:
                    type: event_count
                    rules:
                        - failed_login
                    group-by:
                        - SourceIp
                    timespan: 10m
                    condition:
                        gte: 5
                """ + extra;
    }

    @Test
    void correlationsAreKeptWithTheirDocumentAndReferences() {
        RuleSet rules = ruleSet(FAILED_LOGIN + "---\n" + correlation(""));
        assertThat(rules.correlations()).singleElement().satisfies(c -> {
            assertThat(c.info().title()).isEqualTo("Brute force");
            assertThat(c.info().line()).isEqualTo(11);
            assertThat(c.info().logsource()).isNull();
            assertThat(c.rules()).containsExactly("failed_login");
            assertThat(c.section().get("timespan").line()).isEqualTo(20);
            assertThat(c.info().document().at("/correlation/condition/gte").intValue()).isEqualTo(5);
        });
        assertThat(rules.rules()).extracting(i -> i.ruleId()).containsExactly("failed_login", "0e95725d-7320-415d-80f7-004da920fc11");
        assertThat(rules.rule("failed_login").title()).isEqualTo("Failed login");
    }

    @Test
    void referencedRulesDoNotAlertOnTheirOwnByDefault() {
        RuleSet rules = ruleSet(FAILED_LOGIN, correlation(""));
        assertThat(matches(rules, Events.event(dev.picket.engine.event.LogSource.SSHD, "{'EventType': 'failed_password'}"))).isEmpty();
        assertThat(rules.detections()).singleElement().satisfies(d -> assertThat(d.standalone()).isFalse());
    }

    @Test
    void generateTrueLetsThemAlert() {
        RuleSet rules = ruleSet(FAILED_LOGIN, correlation("generate: true\n"));
        assertThat(matches(rules, Events.event(dev.picket.engine.event.LogSource.SSHD, "{'EventType': 'failed_password'}")))
                .containsExactly("failed_login");
    }

    @Test
    void generateMustBeABoolean() {
        assertThat(errors(FAILED_LOGIN, correlation("generate: sometimes\n")))
                .containsExactly("test-2.yml:13: generate must be true or false");
    }
}
