package dev.picket.sensor;

import dev.picket.sensor.audit.AuditControl;
import dev.picket.sensor.audit.AuditRule;
import dev.picket.sensor.audit.AuditStatus;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sensor is a guest: what it changes in the kernel while it runs, it puts back when it stops. */
class SensorKernelStateTest {
    private static List<AuditRule> ours(AuditControl control) throws Exception {
        return control.rules().stream().filter(r -> AuditRule.KEY.equals(r.key())).toList();
    }

    @Test
    void rulesAreInPlaceWhileItRunsAndGoneWithTheOriginalStatusAfter() throws Exception {
        AuditStatus before;
        try (AuditControl control = AuditControl.open()) {
            before = control.status();
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("the audit netlink socket is not available here: " + e.getMessage());
            return;
        }
        try (RunningSensor sensor = RunningSensor.start(); AuditControl control = AuditControl.open()) {
            assertThat(ours(control)).hasSizeGreaterThanOrEqualTo(4);
            AuditStatus running = control.status();
            assertThat(running.enabled()).isEqualTo(1);
            assertThat(running.failure()).as("failure mode untouched").isEqualTo(before.failure());
            assertThat(running.backlogLimit()).isGreaterThanOrEqualTo(before.backlogLimit());
        }
        try (AuditControl control = AuditControl.open()) {
            assertThat(ours(control)).isEmpty();
            AuditStatus after = control.status();
            assertThat(after.enabled()).isEqualTo(before.enabled());
            assertThat(after.backlogLimit()).isEqualTo(before.backlogLimit());
            assertThat(after.failure()).isEqualTo(before.failure());
        }
    }

    @Test
    void rulesLeftByAKilledSensorAreRemovedAtTheNextStart() throws Exception {
        try (AuditControl control = AuditControl.open()) {
            control.addRule(AuditRule.watch(1, "/etc/shadow", AuditRule.PERM_WRITE)); // as a killed sensor leaves it
            assertThat(ours(control)).hasSize(1);
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("the audit netlink socket is not available here: " + e.getMessage());
        }
        try (RunningSensor sensor = RunningSensor.start(); AuditControl control = AuditControl.open()) {
            assertThat(ours(control)).hasSize(SensorRules.all(ProcessHandle.current().pid(), Path.of("/")).size());
        }
        try (AuditControl control = AuditControl.open()) {
            assertThat(ours(control)).isEmpty();
        }
    }
}
