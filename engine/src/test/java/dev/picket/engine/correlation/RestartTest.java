package dev.picket.engine.correlation;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** Open windows are state like baselines: a process that saves and reloads it continues mid-window. */
class RestartTest {

    private static String rule(String type, String condition) {
        return """
                title: Window
                name: window
                correlation:
                    type: %s
                    rules:
                        - first
                        - second
                    group-by:
                        - User
                    timespan: 1h
                %s
                ---
                title: First
                name: first
                ---
                title: Second
                name: second
                """.formatted(type, condition.indent(4).stripTrailing());
    }

    private static InMemoryStateStore reloaded(InMemoryStateStore store) throws IOException {
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        store.writeTo(saved);
        return InMemoryStateStore.readFrom(new ByteArrayInputStream(saved.toByteArray()));
    }

    /** Two matches before the restart, one after: only together do they meet the condition. */
    private static Fixture acrossARestart(String yaml, String[] before, String[] after) throws IOException {
        InMemoryStateStore store = new InMemoryStateStore();
        Fixture first = Fixture.of(yaml, store, 100);
        for (int i = 0; i < before.length; i += 2) first.match(before[i], "10:0" + i + ":00", "User", "eve", "v", before[i + 1]);
        assertThat(first.alerts("window")).isEmpty();

        Fixture second = Fixture.of(yaml, reloaded(store), 100);
        for (int i = 0; i < after.length; i += 2) second.match(after[i], "10:3" + i + ":00", "User", "eve", "v", after[i + 1]);
        return second;
    }

    @Test
    void eventCountContinues() throws IOException {
        Fixture f = acrossARestart(rule("event_count", "condition: {gte: 3}"),
                new String[]{"first", "x", "second", "x"}, new String[]{"first", "x"});
        assertThat(f.alerts("window")).hasSize(1);
    }

    @Test
    void valueCountContinues() throws IOException {
        Fixture f = acrossARestart(rule("value_count", "condition: {gte: 3, field: v}"),
                new String[]{"first", "ünïcode", "second", "b"}, new String[]{"first", "c"});
        assertThat(f.alerts("window")).hasSize(1);
    }

    @Test
    void valueCountStillKnowsWhichValuesItSaw() throws IOException {
        Fixture f = acrossARestart(rule("value_count", "condition: {gte: 3, field: v}"),
                new String[]{"first", "ünïcode", "second", "b"}, new String[]{"first", "ünïcode"});
        assertThat(f.alerts("window")).isEmpty();
    }

    @Test
    void valueSumContinues() throws IOException {
        Fixture f = acrossARestart(rule("value_sum", "condition: {gt: 2.5, field: v}"),
                new String[]{"first", "1.25", "second", "1.25"}, new String[]{"first", "0.01"});
        assertThat(f.alerts("window")).hasSize(1);
    }

    @Test
    void temporalOrderedContinues() throws IOException {
        Fixture f = acrossARestart(rule("temporal_ordered", ""),
                new String[]{"first", "x"}, new String[]{"second", "x"});
        assertThat(f.alerts("window")).hasSize(1);
    }

    @Test
    void aConditionThatHeldBeforeTheRestartDoesNotAlertAgain() throws IOException {
        InMemoryStateStore store = new InMemoryStateStore();
        Fixture first = Fixture.of(rule("temporal", ""), store, 100)
                .match("first", "10:00:00", "User", "eve")
                .match("second", "10:01:00", "User", "eve");
        assertThat(first.alerts("window")).hasSize(1);

        Fixture second = Fixture.of(rule("temporal", ""), reloaded(store), 100).match("first", "10:02:00", "User", "eve");
        assertThat(second.alerts("window")).isEmpty();
    }

    @Test
    void groupValuesOfAnyLengthAreSaved() throws IOException {
        InMemoryStateStore store = new InMemoryStateStore();
        String huge = "u".repeat(100_000);
        Fixture.of(rule("event_count", "condition: {gte: 3}"), store, 100).match("first", "10:00:00", "User", huge);

        assertThat(reloaded(store).size()).isEqualTo(1);
    }
}
