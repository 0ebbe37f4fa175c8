package dev.picket.engine.sigma;

import dev.picket.engine.event.LogSource;
import dev.picket.engine.testing.Events;
import org.junit.jupiter.api.Test;

import static dev.picket.engine.testing.TestRules.matches;
import static dev.picket.engine.testing.TestRules.ruleSet;
import static org.assertj.core.api.Assertions.assertThat;

/** A rule sees an event only when every log-source field the rule states equals the event's. */
class LogSourceRoutingTest {

    private static String rule(String name, String logsource) {
        return """
                title: %s
                name: %s
                logsource:
                %s
                detection:
                    selection:
                        User: root
                    condition: selection
                """.formatted(name, name, logsource.indent(4).stripTrailing());
    }

    private final RuleSet rules = ruleSet(
            rule("audit", "product: kubernetes\nservice: audit"),
            rule("process", "product: linux\ncategory: process_creation"),
            rule("linux", "product: linux"),
            rule("sshd", "product: linux\nservice: sshd"),
            rule("anything", "definition: no fields stated"));

    @Test
    void auditEvents() {
        assertThat(matches(rules, Events.audit("{'User': 'root'}"))).containsExactly("audit", "anything");
    }

    @Test
    void processEvents() {
        assertThat(matches(rules, Events.linux("process_creation", "{'User': 'root'}")))
                .containsExactly("process", "linux", "anything");
    }

    @Test
    void otherLinuxCategories() {
        assertThat(matches(rules, Events.linux("file_event", "{'User': 'root'}"))).containsExactly("linux", "anything");
    }

    @Test
    void sshdEvents() {
        assertThat(matches(rules, Events.event(LogSource.SSHD, "{'User': 'root'}"))).containsExactly("linux", "sshd", "anything");
    }

    @Test
    void logSourceValuesIgnoreCase() {
        RuleSet upper = ruleSet(rule("upper", "product: Linux\ncategory: Process_Creation"));
        assertThat(matches(upper, Events.linux("process_creation", "{'User': 'root'}"))).containsExactly("upper");
    }

    @Test
    void nearMissOnTheDetectionStillDoesNotMatch() {
        assertThat(matches(rules, Events.audit("{'User': 'alice'}"))).isEmpty();
    }

    @Test
    void manyDistinctLogSourcesFromInputStillRouteCorrectly() {
        for (int i = 0; i < 300; i++) {
            assertThat(matches(rules, Events.linux("category_" + i, "{'User': 'root'}"))).containsExactly("linux", "anything");
        }
        assertThat(matches(rules, Events.linux("process_creation", "{'User': 'root'}"))).containsExactly("process", "linux", "anything");
    }
}
