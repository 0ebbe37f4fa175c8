package dev.picket.engine;

import dev.picket.engine.event.Event;
import dev.picket.engine.sigma.RuleSet;
import dev.picket.engine.testing.Events;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static dev.picket.engine.testing.TestRules.ruleSet;
import static org.assertj.core.api.Assertions.assertThat;

class EngineTest {

    private static final String RULE = """
            title: Shell spawned
            name: shell
            level: high
            tags:
                - attack.execution
                - attack.t1609
            logsource:
                product: linux
                category: process_creation
            detection:
                selection:
                    Image|endswith: /sh
                condition: selection
            """;

    @Test
    void aDetectionMatchCarriesTheRuleTheEventAndItsTime() {
        Event event = Events.linux("process_creation", "{'time': '2026-01-02T03:04:05Z', 'Image': '/bin/sh'}");
        List<Match> out = new ArrayList<>();
        new Engine(ruleSet(RULE)).process(event, out::add);
        assertThat(out).singleElement().satisfies(m -> {
            assertThat(m.rule().ruleId()).isEqualTo("shell");
            assertThat(m.rule().tags()).containsExactly("attack.execution", "attack.t1609");
            assertThat(m.time()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
            assertThat(m.events()).containsExactly(event);
            assertThat(m.groupBy()).isEmpty();
        });
    }

    @Test
    void noMatchNoOutput() {
        List<Match> out = new ArrayList<>();
        new Engine(ruleSet(RULE)).process(Events.linux("process_creation", "{'Image': '/bin/ls'}"), out::add);
        assertThat(out).isEmpty();
    }

    /** The correlation seam: every detection match reaches the correlator, alerting or not. */
    @Test
    void theCorrelatorSeesEveryDetectionMatchAndEveryEvent() {
        String quiet = """
                title: Failed login
                name: failed_login
                logsource:
                    product: linux
                    service: sshd
                detection:
                    selection:
                        EventType: failed_password
                    condition: selection
                ---
                title: Brute force
                name: brute_force
                correlation:
                    type: event_count
                    rules: failed_login
                    group-by: SourceIp
                    timespan: 1m
                    condition:
                        gte: 2
                """;
        RuleSet rules = ruleSet(RULE, quiet);
        List<String> seen = new ArrayList<>();
        Correlator recorder = new Correlator() {
            @Override
            public void onMatch(Match detection, Consumer<Match> out) {
                seen.add("match " + detection.rule().ruleId());
                if (detection.rule().ruleId().equals("failed_login")) {
                    out.accept(new Match(rules.rule("brute_force"), detection.time(), detection.events(), java.util.Map.of()));
                }
            }

            @Override
            public void onEvent(Event event, Consumer<Match> out) {
                seen.add("event");
            }
        };
        List<String> alerts = new ArrayList<>();
        Engine engine = new Engine(rules, recorder);
        engine.process(Events.event(dev.picket.engine.event.LogSource.SSHD, "{'EventType': 'failed_password'}"),
                m -> alerts.add(m.rule().ruleId()));
        engine.process(Events.linux("process_creation", "{'Image': '/bin/sh'}"), m -> alerts.add(m.rule().ruleId()));
        assertThat(seen).containsExactly("match failed_login", "event", "match shell", "event");
        assertThat(alerts).containsExactly("brute_force", "shell");
    }
}
