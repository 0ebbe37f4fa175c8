package dev.picket.outputs;

import dev.picket.engine.alert.Alert;
import dev.picket.engine.rule.Severity;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class AlertOutputsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private double count(String name, String output) {
        return registry.counter(name, "output", output).count();
    }

    @Test
    void aStuckOutputHoldsUpNeitherThePublisherNorTheOtherOutputs() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch delivering = new CountDownLatch(1);
        List<String> fast = new CopyOnWriteArrayList<>();
        AlertOutput stuck = alert -> {
            delivering.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try (AlertOutputs outputs = AlertOutputs.start(List.of(
                new OutputSettings("stuck", AlertFilter.ALL, Backoff.DEFAULT, 2, () -> stuck),
                new OutputSettings("fast", AlertFilter.ALL, Backoff.DEFAULT, 100, () -> a -> fast.add(a.id()))), registry)) {
            // The stuck output's worker holds the first alert before the rest arrive; a publisher
            // that blocked on it would never get past this loop (the bound is a hang guard only).
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                outputs.publish(TestAlerts.alert("a-0"));
                delivering.await();
                for (int i = 1; i < 20; i++) outputs.publish(TestAlerts.alert("a-" + i));
            });
            Waiting.until(() -> fast.size() == 20);
            // One alert is being delivered, two wait: the other 17 could not be queued.
            assertThat(count("picket.output.dropped", "stuck")).isEqualTo(17);
            assertThat(count("picket.output.dropped", "fast")).isZero();
            assertThat(registry.get("picket.output.queued").tag("output", "stuck").gauge().value()).isEqualTo(2);
            release.countDown();
        }
        assertThat(count("picket.output.delivered", "stuck")).isEqualTo(3);
    }

    @Test
    void eachOutputTakesOnlyWhatItsFilterAccepts() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        AlertFilter filter = new AlertFilter(Severity.HIGH, Set.of(), Set.of("shop"));
        try (AlertOutputs outputs = AlertOutputs.start(List.of(
                new OutputSettings("hook", filter, Backoff.DEFAULT, 10, () -> a -> seen.add(a.id()))), registry)) {
            outputs.publish(TestAlerts.alert("high-shop"));
            outputs.publish(TestAlerts.alert("medium-shop", Severity.MEDIUM, "r", "shop"));
            outputs.publish(TestAlerts.alert("critical-other", Severity.CRITICAL, "r", "payments"));
            outputs.publish(TestAlerts.alert("critical-shop", Severity.CRITICAL, "r", "shop"));
        }
        assertThat(seen).containsExactly("high-shop", "critical-shop");
    }

    @Test
    void filterByRuleAndSeverityBoundary() {
        AlertFilter rules = new AlertFilter(Severity.MEDIUM, Set.of("audit-privileged-container"), Set.of());
        Alert medium = TestAlerts.alert("a", Severity.MEDIUM, "audit-privileged-container", "shop");
        assertThat(rules.accepts(medium)).isTrue();
        assertThat(rules.accepts(TestAlerts.alert("a", Severity.LOW, "audit-privileged-container", "shop"))).isFalse();
        assertThat(rules.accepts(TestAlerts.alert("a", Severity.HIGH, "audit-cluster-admin-binding", "shop"))).isFalse();
    }

    @Test
    void backoffDoublesUpToItsCeiling() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), 6);
        assertThat(List.of(b.after(1), b.after(2), b.after(3), b.after(4))).containsExactly(
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5));
    }
}
