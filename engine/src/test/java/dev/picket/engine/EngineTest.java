package dev.picket.engine;

import dev.picket.engine.event.Event;
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

    /** The correlation seam: every detection match reaches the correlator, which decides what is passed on. */
    @Test
    void theCorrelatorSeesEveryDetectionMatchAndEveryEventTime() {
        List<String> seen = new ArrayList<>();
        Correlator recorder = new Correlator() {
            @Override
            public void accept(Match detection, Consumer<Match> out) {
                seen.add("match " + detection.rule().ruleId());
            }

            @Override
            public void advanceTo(Instant time) {
                seen.add("time " + time);
            }
        };
        List<Match> alerts = new ArrayList<>();
        Engine engine = new Engine(ruleSet(RULE), recorder);
        engine.process(Events.linux("process_creation", "{'time': '2026-01-02T03:04:05Z', 'Image': '/bin/sh'}"), alerts::add);
        engine.process(Events.linux("process_creation", "{'time': '2026-01-02T03:04:06Z', 'Image': '/bin/ls'}"), alerts::add);
        assertThat(seen).containsExactly("match shell", "time 2026-01-02T03:04:05Z", "time 2026-01-02T03:04:06Z");
        assertThat(alerts).isEmpty();
    }

    @Test
    void withoutCorrelationsEveryDetectionMatchIsPassedOn() {
        List<Match> out = new ArrayList<>();
        new Engine(ruleSet(RULE), Correlator.NONE).process(Events.linux("process_creation", "{'Image': '/bin/sh'}"), out::add);
        assertThat(out).extracting(m -> m.rule().ruleId()).containsExactly("shell");
    }
}
