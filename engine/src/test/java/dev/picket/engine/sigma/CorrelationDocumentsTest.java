package dev.picket.engine.sigma;

import dev.picket.engine.event.Event;
import dev.picket.engine.event.LogSource;
import dev.picket.engine.testing.Events;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.picket.engine.testing.TestRules.errors;
import static dev.picket.engine.testing.TestRules.matches;
import static dev.picket.engine.testing.TestRules.ruleSet;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Correlation documents load with the detection rules they reference, errors in them carry the
 * line of the key at fault, and through the engine the referenced rules feed the correlation
 * without alerting on their own unless it says {@code generate: true}.
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
                        gte: 3
                """ + extra;
    }

    private static Event failure(String time, String ip) {
        return Events.event(LogSource.SSHD, "{'time': '2026-03-01T" + time + "Z', 'EventType': 'failed_password', 'SourceIp': '" + ip + "'}");
    }

    @Test
    void correlationsAreCompiledAgainstTheRulesTheyReference() {
        RuleSet rules = ruleSet(FAILED_LOGIN + "---\n" + correlation(""));
        assertThat(rules.correlations().rules()).singleElement().satisfies(c -> {
            assertThat(c.info().title()).isEqualTo("Brute force");
            assertThat(c.info().line()).isEqualTo(11);
            assertThat(c.info().logsource()).isNull();
            assertThat(c.rules()).containsExactly(rules.rule("failed_login"));
            assertThat(c.timespan()).isEqualTo(Duration.ofMinutes(10));
        });
        assertThat(rules.rules()).extracting(i -> i.ruleId())
                .containsExactly("failed_login", "0e95725d-7320-415d-80f7-004da920fc11");
    }

    @Test
    void theCorrelationFiresThroughTheEngineAndItsRuleStaysSilent() {
        RuleSet rules = ruleSet(FAILED_LOGIN, correlation(""));
        assertThat(matches(rules, failure("10:00:00", "203.0.113.9"), failure("10:01:00", "203.0.113.9"))).isEmpty();
        assertThat(matches(rules, failure("10:00:00", "203.0.113.9"), failure("10:01:00", "203.0.113.9"),
                failure("10:02:00", "203.0.113.9"))).containsExactly("0e95725d-7320-415d-80f7-004da920fc11");
    }

    @Test
    void otherGroupsDoNotAddUp() {
        RuleSet rules = ruleSet(FAILED_LOGIN, correlation(""));
        assertThat(matches(rules, failure("10:00:00", "203.0.113.9"), failure("10:01:00", "198.51.100.1"),
                failure("10:02:00", "203.0.113.9"))).isEmpty();
    }

    @Test
    void generateTrueLetsTheReferencedRuleAlertToo() {
        RuleSet rules = ruleSet(FAILED_LOGIN, correlation("generate: true\n"));
        assertThat(matches(rules, failure("10:00:00", "203.0.113.9"))).containsExactly("failed_login");
    }

    @Test
    void errorsInCorrelationsNameTheLineOfTheKeyAtFault() {
        assertThat(errors(FAILED_LOGIN, correlation("generate: sometimes\n")))
                .containsExactly("test-2.yml:13: generate: must be true or false");
        assertThat(errors(FAILED_LOGIN, correlation("").replace("- failed_login", "- failed_logon")))
                .containsExactly("test-2.yml:6: correlation.rules: no rule has the name or id 'failed_logon'");
    }
}
